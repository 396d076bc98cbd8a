'use client';

import { useEffect } from 'react';
import { markVisitAction } from '@/lib/actions/desk-actions';

const STAMP_MS = 5 * 60_000;

/** Stamps the editor's visit while the overview is open, so "since your last visit" means the last time they looked. */
export function VisitStamp() {
  useEffect(() => {
    void markVisitAction({}).catch(() => {});
    const timer = setInterval(() => void markVisitAction({}).catch(() => {}), STAMP_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
