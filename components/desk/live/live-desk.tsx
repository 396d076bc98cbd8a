'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export type Presence = { userId: string; who: string; articleId: number; activity: string; seenAt: string };

type LiveState = { me: string; presence: Presence[]; connected: boolean; lastEventId: number };

const LiveContext = createContext<LiveState>({ me: '', presence: [], connected: false, lastEventId: 0 });

export function useLiveDesk(): LiveState {
  return useContext(LiveContext);
}

/** A change refreshes the page's server data at most this often. */
const REFRESH_DEBOUNCE_MS = 250;

/**
 * The desk's live connection (server-sent events from /api/desk/events):
 * each article change another editor, an import or the API makes refreshes
 * what the page shows, and presence says who has which article open. The
 * browser reconnects on its own and sends Last-Event-ID, so no change is
 * missed across a dropped connection.
 */
export function LiveDesk({ me, children }: { me: string; children: ReactNode }) {
  const router = useRouter();
  const [state, setState] = useState<Omit<LiveState, 'me'>>({ presence: [], connected: false, lastEventId: 0 });
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const source = new EventSource('/api/desk/events');
    const refresh = () => {
      if (refreshTimer.current) return;
      refreshTimer.current = setTimeout(() => {
        refreshTimer.current = null;
        router.refresh();
      }, REFRESH_DEBOUNCE_MS);
    };
    source.addEventListener('open', () => setState((current) => ({ ...current, connected: true })));
    source.addEventListener('error', () => setState((current) => ({ ...current, connected: false })));
    source.addEventListener('change', (event) => {
      const id = Number((event as MessageEvent).lastEventId);
      setState((current) => ({ ...current, lastEventId: Number.isFinite(id) ? id : current.lastEventId }));
      refresh();
    });
    source.addEventListener('presence', (event) => {
      try {
        const presence = JSON.parse((event as MessageEvent<string>).data) as Presence[];
        setState((current) => ({ ...current, presence }));
      } catch {
        // A malformed message is dropped; the next one replaces it.
      }
    });
    return () => {
      source.close();
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [router]);

  return <LiveContext.Provider value={{ me, ...state }}>{children}</LiveContext.Provider>;
}
