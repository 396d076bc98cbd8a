import { describe, expect, it } from 'vitest';
import { FIRST_VISIT_LOOKBACK_MS, queueSince, VISIT_GAP_MS, visitStamps } from './visit-boundary';

const at = (iso: string) => new Date(iso);

describe('queueSince', () => {
  it('starts a first visit a week back', () => {
    const now = at('2026-11-28T12:00:00Z');
    expect(queueSince({ deskVisitAt: null, deskSinceAt: null }, now)).toEqual(new Date(now.getTime() - FIRST_VISIT_LOOKBACK_MS));
  });

  it('keeps the boundary while the visit goes on, and moves it to the end of the last visit after a break', () => {
    const first = visitStamps({ deskVisitAt: null, deskSinceAt: null }, at('2026-11-28T08:00:00Z'));
    const during = visitStamps(first, at('2026-11-28T08:20:00Z'));
    expect(during.deskSinceAt).toEqual(first.deskSinceAt);
    const later = new Date(during.deskVisitAt.getTime() + VISIT_GAP_MS + 1);
    expect(queueSince(during, later)).toEqual(at('2026-11-28T08:20:00Z'));
    const next = visitStamps(during, later);
    expect(queueSince(next, new Date(later.getTime() + 60_000))).toEqual(at('2026-11-28T08:20:00Z'));
  });
});
