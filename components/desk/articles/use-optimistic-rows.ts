'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { editArticleAction } from '@/lib/actions/desk-actions';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import type { DeskMessage } from './desk-message';

type Change = { published?: boolean; quality?: number };

function isDeskRow(value: unknown): value is DeskRow {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    typeof (value as DeskRow).id === 'number' &&
    typeof (value as DeskRow).version === 'number'
  );
}

function describe(change: Change): string {
  if (change.published !== undefined) return change.published ? 'Published' : 'Unpublished';
  return `Quality set to ${change.quality}`;
}

/**
 * The table's rows with optimistic edits: a row changes at once and goes back
 * (with the reason) if the server refuses; a conflict shows the value someone
 * else set. Rows from a server refresh replace the local ones.
 */
export function useOptimisticRows<R extends DeskRow>(initialRows: R[], say: (message: DeskMessage) => void) {
  const router = useRouter();
  const [rows, setRows] = useState(initialRows);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<number>>(new Set());
  // A refresh from the server replaces the optimistic rows (adjusting state while rendering, not in an effect).
  const [shownRows, setShownRows] = useState(initialRows);
  if (shownRows !== initialRows) {
    setShownRows(initialRows);
    setRows(initialRows);
  }

  const setPending = (id: number, pending: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  // Merged into the row in hand, so a row's extra fields (a queue row's arrival time) survive the server's answer.
  const replaceRow = (row: DeskRow) =>
    setRows((current) => current.map((existing) => (existing.id === row.id ? { ...existing, ...row } : existing)));

  const edit = useCallback(
    async (row: R, change: Change) => {
      replaceRow({ ...row, ...change });
      setPending(row.id, true);
      const result = await editArticleAction({ id: row.id, version: row.version, ...change }).catch(() => ({
        ok: false as const,
        status: 500,
        error: 'The server could not be reached; nothing was changed.',
        current: undefined,
      }));
      setPending(row.id, false);
      if (result.ok) {
        replaceRow(result.data);
        say({ kind: 'ok', text: `${describe(change)}: “${row.title}”.` });
        return;
      }
      replaceRow(result.status === 409 && isDeskRow(result.current) ? result.current : row);
      if (result.status === 401) router.push('/signin?callbackUrl=/desk');
      say({ kind: 'error', text: result.error });
    },
    [router, say],
  );

  return { rows, pendingIds, edit };
}
