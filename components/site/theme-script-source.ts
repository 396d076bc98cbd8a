import { THEME_STORAGE_KEY } from './theme-storage-key';

/** The pre-paint theme script's code (constant: the Content-Security-Policy allows it by hash). */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
