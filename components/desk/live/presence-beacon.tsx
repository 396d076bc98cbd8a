'use client';

import { useEffect, useRef } from 'react';
import { beatPresenceAction, leaveArticleAction } from '@/lib/actions/desk-actions';

/** Heartbeats this often; the server counts one for PRESENCE_TTL_MS (15 s). */
const BEAT_MS = 5_000;

type Activity = 'viewing' | 'editing quality' | 'editing the schedule' | 'deciding';

/**
 * Where the editor is and what they are doing: the focused element's
 * `data-presence-article` (a table row) and `data-presence-activity` (the
 * quality field), else the page's article, viewing.
 */
function currentPlace(pageArticleId: number): { articleId: number; activity: Activity } {
  const focused = document.activeElement;
  const activity = (focused?.closest('[data-presence-activity]')?.getAttribute('data-presence-activity') as Activity | null) ?? 'viewing';
  const article = Number(focused?.closest('[data-presence-article]')?.getAttribute('data-presence-article'));
  return { articleId: Number.isInteger(article) && article > 0 ? article : pageArticleId, activity };
}

/**
 * Tells other editors this page is open (article `articleId`; 0 for the
 * table or overview): a heartbeat every few seconds and at once when the
 * place or activity changes (focusing a row's quality field says "editing
 * quality" on that article); leaving the page says so.
 */
export function PresenceBeacon({ articleId }: { articleId: number }) {
  const last = useRef<{ articleId: number; activity: Activity } | null>(null);
  useEffect(() => {
    let stopped = false;
    const beat = (force: boolean) => {
      if (stopped) return;
      const place = currentPlace(articleId);
      const previous = last.current;
      if (!force && previous && previous.articleId === place.articleId && previous.activity === place.activity) return;
      if (previous && previous.articleId !== place.articleId && previous.articleId !== articleId) {
        void leaveArticleAction({ articleId: previous.articleId }).catch(() => {});
      }
      last.current = place;
      void beatPresenceAction(place).catch(() => {});
      if (place.articleId !== articleId) void beatPresenceAction({ articleId, activity: 'viewing' }).catch(() => {});
    };
    beat(true);
    const timer = setInterval(() => beat(true), BEAT_MS);
    const onFocusChange = () => setTimeout(() => beat(false), 0);
    document.addEventListener('focusin', onFocusChange);
    document.addEventListener('focusout', onFocusChange);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('focusin', onFocusChange);
      document.removeEventListener('focusout', onFocusChange);
      const place = last.current;
      if (place && place.articleId !== articleId) void leaveArticleAction({ articleId: place.articleId }).catch(() => {});
      void leaveArticleAction({ articleId }).catch(() => {});
    };
  }, [articleId]);
  return null;
}
