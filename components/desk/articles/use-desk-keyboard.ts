'use client';

import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export type DeskKeyHandlers = Partial<Record<'j' | 'k' | 'p' | 'e' | 'x' | 's' | 'o' | '/' | '?', () => void>>;

/**
 * Single-key shortcuts on the whole page, except while typing in a field.
 * A handler is looked up when the key is pressed, so it always sees the
 * current rows and focus.
 */
export function useDeskKeyboard(handlers: DeskKeyHandlers) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const handler = handlers[event.key as keyof DeskKeyHandlers];
      if (!handler) return;
      handler();
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });
}

/** Puts the cursor in the desk's search field. */
export function focusDeskSearch() {
  const search = document.querySelector<HTMLInputElement>('[data-desk-search]');
  search?.focus();
  search?.select();
}
