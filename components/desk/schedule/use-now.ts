'use client';

import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = typeof window === 'undefined' ? 0 : Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The browser's clock, shared by every countdown on the page and refreshed
 * every few seconds; null while rendering on the server (its clock is not the
 * editor's, and its output is cached).
 */
export function useNow(): Date | null {
  const value = useSyncExternalStore(
    subscribe,
    () => now,
    () => 0,
  );
  return value ? new Date(value) : null;
}
