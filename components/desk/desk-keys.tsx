'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ShortcutsDialog } from './shortcuts-dialog';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** How long after `g` the second key counts. */
const SEQUENCE_MS = 1_500;

/** Keys on every desk page: `g o` overview, `g a` articles, `?` every shortcut. */
export function DeskKeys() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let goAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === '?') {
        setOpen(true);
        event.preventDefault();
        return;
      }
      if (event.key === 'g') {
        goAt = Date.now();
        event.preventDefault();
        return;
      }
      if (Date.now() - goAt < SEQUENCE_MS && (event.key === 'o' || event.key === 'a')) {
        goAt = 0;
        event.preventDefault();
        event.stopImmediatePropagation();
        router.push(event.key === 'o' ? '/desk' : '/desk/articles');
      }
    };
    // Capture, so a page's own `o` (open) does not fire as the second key of `g o`.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [router]);
  return <ShortcutsDialog open={open} onClose={() => setOpen(false)} />;
}
