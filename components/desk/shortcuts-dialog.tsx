'use client';

import { useEffect, useRef } from 'react';

/** Every key of the desk, by where it works. */
const SHORTCUTS: [string, string][] = [
  ['g o', 'go to the overview'],
  ['g a', 'go to the articles table'],
  ['j / k', 'next / previous article (table and “Needs a decision”)'],
  ['p', 'publish or unpublish the focused article'],
  ['e', 'edit its quality (Enter saves, Escape cancels)'],
  ['s', 'skip it: leave it unpublished and out of every editor’s queue (“Needs a decision”)'],
  ['o', 'open its desk page (“Needs a decision”)'],
  ['x', 'select or unselect it for bulk actions (table)'],
  ['/', 'search (table)'],
  ['?', 'this list'],
];

/** The keyboard shortcuts, in a modal dialog that closes with Escape. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
