'use client';

import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Reader shortcuts: j/k move between stories, o or Enter opens the focused
 * story's headline, / jumps to search. Inactive while typing or with a modifier key.
 */
export function KeyboardNavigation() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const stories = [...document.querySelectorAll<HTMLElement>('[data-story]')];
      const current = stories.findIndex((story) => story === document.activeElement || story.contains(document.activeElement));
      const focus = (index: number) => {
        const story = stories[Math.max(0, Math.min(stories.length - 1, index))];
        if (!story) return;
        story.focus();
        story.scrollIntoView({ block: 'nearest' });
      };
      if (event.key === 'j') {
        event.preventDefault();
        focus(current + 1);
      } else if (event.key === 'k') {
        event.preventDefault();
        focus(current === -1 ? 0 : current - 1);
      } else if ((event.key === 'o' || event.key === 'Enter') && current !== -1 && document.activeElement === stories[current]) {
        const link = stories[current]?.querySelector<HTMLAnchorElement>('a[data-primary]');
        if (link) {
          event.preventDefault();
          link.click();
        }
      } else if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}
