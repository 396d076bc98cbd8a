'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { undoAction } from '@/lib/actions/desk-actions';

export function UndoButton({ changeId, label }: { changeId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={label}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await undoAction({ changeId });
            setError(result.ok ? null : result.error);
            router.refresh();
          })
        }
      >
        Undo
      </button>
      {error ? (
        <span role="alert" className="form-error">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}
