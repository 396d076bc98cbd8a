'use client';

import './schedule.css';
import { useId } from 'react';

/** `2026-12-01T06:00` in the browser's zone, for a datetime-local input; '' for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value, read in the browser's zone, as an instant with its offset (UTC); null for none. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The two ends of a schedule, entered in the editor's own time zone. */
export function ScheduleFields({
  publishAt,
  unpublishAt,
  onPublishAt,
  onUnpublishAt,
  timeZone,
}: {
  publishAt: string;
  unpublishAt: string;
  onPublishAt: (value: string) => void;
  onUnpublishAt: (value: string) => void;
  timeZone: string | null;
}) {
  const id = useId();
  return (
    <fieldset className="schedule-fields" data-presence-activity="editing the schedule">
      <legend>Schedule{timeZone ? ` (your time zone: ${timeZone})` : ''}</legend>
      <label htmlFor={`${id}-publish`}>Goes live at</label>
      <input id={`${id}-publish`} type="datetime-local" value={publishAt} onChange={(event) => onPublishAt(event.target.value)} />
      <label htmlFor={`${id}-unpublish`}>Comes down at</label>
      <input id={`${id}-unpublish`} type="datetime-local" value={unpublishAt} onChange={(event) => onUnpublishAt(event.target.value)} />
    </fieldset>
  );
}
