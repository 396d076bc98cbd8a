'use client';

import { useEffect, useState } from 'react';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatExact(date: Date): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

/**
 * A story's time: the exact instant in `datetime` and on hover, relative
 * ("3 hours ago") once in the browser. Pages are cached, so the server writes
 * the exact date and the relative form is computed where "now" is known.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [relative, setRelative] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setRelative(formatRelative(date, new Date()));
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
    // `iso` identifies the date; the Date object itself is recreated each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [iso]);
  const exact = formatExact(date);
  return (
    <time dateTime={iso} title={exact}>
      {relative ?? exact}
    </time>
  );
}
