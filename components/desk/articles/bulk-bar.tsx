'use client';

import { useState, useSyncExternalStore } from 'react';
import { parseQualityText, QUALITY_MAX, QUALITY_MIN } from '@/lib/schemas/desk';
import { browserTimeZone, fromLocalInput, ScheduleFields } from '../schedule/schedule-fields';
import type { BulkChange } from './use-bulk-actions';

const noSubscription = () => () => {};

/** What can be done to the selected articles at once. */
export function BulkBar({
  count,
  allMatching,
  offerAllMatching,
  total,
  busy,
  onSelectAllMatching,
  onApply,
  onClear,
  onInvalid,
}: {
  count: number;
  allMatching: boolean;
  offerAllMatching: boolean;
  total: number;
  busy: boolean;
  onSelectAllMatching: () => void;
  onApply: (change: BulkChange) => void;
  onClear: () => void;
  onInvalid: (reason: string) => void;
}) {
  const [quality, setQuality] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [unpublishAt, setUnpublishAt] = useState('');
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <span>
        {count} selected{allMatching ? ' (everything matching the filter)' : ''}
      </span>
      {offerAllMatching ? (
        <button type="button" className="secondary" onClick={onSelectAllMatching}>
          Select all {total} matching this filter
        </button>
      ) : null}
      <button type="button" onClick={() => onApply({ published: true })} disabled={busy}>
        Publish
      </button>
      <button type="button" onClick={() => onApply({ published: false })} disabled={busy}>
        Unpublish
      </button>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseQualityText(quality);
          if (parsed.ok) onApply({ quality: parsed.value });
          else onInvalid(parsed.error);
        }}
      >
        <label>
          Quality
          <input
            type="number"
            min={QUALITY_MIN}
            max={QUALITY_MAX}
            step={1}
            value={quality}
            onChange={(event) => setQuality(event.target.value)}
            className="quality-input"
          />
        </label>
        <button type="submit" disabled={busy}>
          Set quality
        </button>
      </form>
      <details className="bulk-schedule">
        <summary>Schedule…</summary>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            onApply({ publishAt: fromLocalInput(publishAt), unpublishAt: fromLocalInput(unpublishAt) });
          }}
        >
          <ScheduleFields
            publishAt={publishAt}
            unpublishAt={unpublishAt}
            onPublishAt={setPublishAt}
            onUnpublishAt={setUnpublishAt}
            timeZone={timeZone}
          />
          <button type="submit" disabled={busy}>
            Set schedule
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => onApply({ publishAt: null, unpublishAt: null })}>
            Clear schedule
          </button>
        </form>
      </details>
      <button type="button" className="secondary" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
