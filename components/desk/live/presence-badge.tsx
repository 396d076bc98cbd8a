'use client';

import { useLiveDesk } from './live-desk';

/** Who else has this article open, and doing what ("Dana is editing quality"); nothing when it is only you. */
export function PresenceBadge({ articleId, long = false }: { articleId: number; long?: boolean }) {
  const { me, presence } = useLiveDesk();
  const others = presence.filter((entry) => entry.articleId === articleId && entry.userId !== me);
  if (others.length === 0) return null;
  const text = others.map((entry) => `${entry.who} is ${entry.activity}`).join('; ');
  return (
    <span className={long ? 'presence presence-long' : 'presence'} data-presence={articleId} title={text}>
      {long ? text : <span aria-label={text}>👁 {others.map((entry) => entry.who.split(/[@\s]/)[0]).join(', ')}</span>}
    </span>
  );
}
