'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** An instant in the editor's own time zone (UTC until the page is in the browser, which knows the zone). */
export function LocalTime({ iso }: { iso: string }) {
  const local = useSyncExternalStore(
    noSubscription,
    () =>
      new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(iso)),
    () => null,
  );
  const utc = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <time dateTime={iso} title={utc}>
      {local ?? utc}
    </time>
  );
}
