'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteViewAction, saveViewAction } from '@/lib/actions/desk-actions';

export type SavedViewItem = { id: string; name: string; query: string };

/**
 * The editor's saved views: name the table's current filters and sort
 * ("Unpublished AI, newest"), pick one from the menu, delete one; and the
 * current list as a CSV download.
 */
export function SavedViews({ views, currentQuery }: { views: SavedViewItem[]; currentQuery: string }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const current = views.find((view) => view.query === currentQuery);

  const save = () =>
    startTransition(async () => {
      const result = await saveViewAction({ name, query: currentQuery });
      if (!result.ok) return setMessage({ kind: 'error', text: result.error });
      setMessage({ kind: 'ok', text: `Saved “${result.data.name}”.` });
      setName('');
      router.refresh();
    });
  const remove = (view: SavedViewItem) =>
    startTransition(async () => {
      const result = await deleteViewAction({ id: view.id });
      setMessage(result.ok ? { kind: 'ok', text: `Deleted “${view.name}”.` } : { kind: 'error', text: result.error });
      router.refresh();
    });

  return (
    <div className="saved-views">
      <details>
        <summary>Saved views{current ? `: ${current.name}` : ''}</summary>
        {views.length === 0 ? (
          <p className="hint">None yet: set filters and a sort, then save them under a name.</p>
        ) : (
          <ul aria-label="Saved views">
            {views.map((view) => (
              <li key={view.id}>
                <Link
                  href={view.query ? `/desk/articles?${view.query}` : '/desk/articles'}
                  aria-current={view === current ? 'page' : undefined}
                >
                  {view.name}
                </Link>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => remove(view)}
                  disabled={pending}
                  aria-label={`Delete the saved view “${view.name}”`}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label>
            Name this view
            <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="Unpublished AI, newest" />
          </label>
          <button type="submit" disabled={pending || name.trim() === ''}>
            Save view
          </button>
        </form>
      </details>
      <a href={currentQuery ? `/api/desk/articles.csv?${currentQuery}` : '/api/desk/articles.csv'} download>
        Export this list as CSV
      </a>
      <span role="status" className={`desk-message ${message?.kind ?? ''}`}>
        {message?.text}
      </span>
    </div>
  );
}
