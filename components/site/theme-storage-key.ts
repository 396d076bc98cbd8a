/** Where the reader's theme choice is kept (shared by the toggle and the pre-paint script). */
export const THEME_STORAGE_KEY = 'newsdesk-theme';
