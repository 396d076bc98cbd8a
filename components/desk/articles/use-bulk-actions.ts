'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { bulkEditAction, undoAction } from '@/lib/actions/desk-actions';
import type { TDeskFilter } from '@/lib/schemas/desk';
import type { DeskMessage } from './desk-message';

/** What one bulk action changes; instants travel as ISO-8601, null clears. */
export type BulkChange = { published?: boolean; quality?: number; publishAt?: string | null; unpublishAt?: string | null };
export type BulkSelection = { filter: TDeskFilter } | { articles: { id: number; version: number }[] };

function plural(count: number) {
  return count === 1 ? 'article' : 'articles';
}

/** Bulk changes and their undo, each reported with what it did. */
export function useBulkActions(say: (message: DeskMessage) => void, onDone: () => void) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();

  const apply = (selection: BulkSelection, change: BulkChange) =>
    startTransition(async () => {
      const result = await bulkEditAction({ selection, ...change });
      if (!result.ok) {
        say({ kind: 'error', text: result.error });
        if (result.status === 409) router.refresh();
        return;
      }
      const { matched, changed, batchId } = result.data;
      const what =
        change.published === true
          ? 'Published'
          : change.published === false
            ? 'Unpublished'
            : change.quality !== undefined
              ? `Set quality ${change.quality} on`
              : change.publishAt === null && change.unpublishAt === null
                ? 'Cleared the schedule of'
                : 'Scheduled';
      say({
        kind: 'ok',
        text: `${what} ${changed} of ${matched} ${plural(matched)}${changed < matched ? ` (${matched - changed} already were)` : ''}.`,
        undoBatchId: batchId ?? undefined,
      });
      onDone();
      router.refresh();
    });

  const undoBatch = (batchId: string) =>
    startTransition(async () => {
      const result = await undoAction({ batchId });
      say(
        result.ok
          ? {
              kind: 'ok',
              text: `Undone for ${result.data.undone} ${plural(result.data.undone)}${result.data.skipped ? `; ${result.data.skipped} changed again since and were kept` : ''}.`,
            }
          : { kind: 'error', text: result.error },
      );
      router.refresh();
    });

  return { busy, apply, undoBatch };
}
