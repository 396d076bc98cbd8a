import { THEME_STORAGE_KEY } from './theme-storage-key';

/**
 * Applies the saved theme before the first paint (no flash of the wrong
 * theme). Our own constant code, not record data.
 */
const script = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
