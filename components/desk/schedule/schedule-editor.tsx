'use client';

import './schedule.css';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';
import { editArticleAction } from '@/lib/actions/desk-actions';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import { browserTimeZone, fromLocalInput, ScheduleFields, toLocalInput } from './schedule-fields';
import { ScheduleBadge } from './schedule-badge';

const noSubscription = () => () => {};

/**
 * Set, change or clear when an article goes live and comes down. Times are
 * entered in the editor's zone and sent as instants; the server keeps UTC
 * and refuses (naming the field) a window that makes no sense.
 */
export function ScheduleEditor({ row }: { row: DeskRow }) {
  const router = useRouter();
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const [publishAt, setPublishAt] = useState(() => toLocalInput(row.publishAt));
  const [unpublishAt, setUnpublishAt] = useState(() => toLocalInput(row.unpublishAt));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (change: { publishAt: string | null; unpublishAt: string | null; published?: boolean }) =>
    startTransition(async () => {
      const result = await editArticleAction({ id: row.id, version: row.version, ...change });
      setMessage(result.ok ? { kind: 'ok', text: 'Schedule saved.' } : { kind: 'error', text: result.error });
      router.refresh();
    });

  return (
    <form
      className="schedule-editor"
      aria-label="Schedule"
      onSubmit={(event) => {
        event.preventDefault();
        save({
          publishAt: fromLocalInput(publishAt),
          unpublishAt: fromLocalInput(unpublishAt),
          ...(row.published ? {} : { published: true }),
        });
      }}
    >
      <ScheduleFields
        publishAt={publishAt}
        unpublishAt={unpublishAt}
        onPublishAt={setPublishAt}
        onUnpublishAt={setUnpublishAt}
        timeZone={timeZone}
      />
      <div className="schedule-actions">
        <button type="submit" disabled={pending}>
          {row.published ? 'Save schedule' : 'Publish on this schedule'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={pending || (!row.publishAt && !row.unpublishAt)}
          onClick={() => {
            setPublishAt('');
            setUnpublishAt('');
            save({ publishAt: null, unpublishAt: null });
          }}
        >
          Clear schedule
        </button>
        <ScheduleBadge article={row} />
      </div>
      <p role="status" className={`desk-message ${message?.kind ?? ''}`}>
        {message?.text}
      </p>
    </form>
  );
}
