'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from './theme-storage-key';

type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const THEME_CHANGED = 'newsdesk:theme-changed';

function subscribe(onChange: () => void) {
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', onChange);
  window.addEventListener(THEME_CHANGED, onChange);
  return () => {
    system.removeEventListener('change', onChange);
    window.removeEventListener(THEME_CHANGED, onChange);
  };
}

/** Switches light/dark; the choice persists, and without one the system setting rules. */
export function ThemeToggle() {
  // The server cannot know the theme: null until hydrated (the label says so).
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={theme ? `Switch to ${next} theme` : 'Switch theme'}
      aria-pressed={theme === 'dark'}
      onClick={() => {
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
        window.dispatchEvent(new Event(THEME_CHANGED));
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="theme-toggle-label">{theme === 'dark' ? 'Light' : 'Dark'}</span>
    </button>
  );
}
