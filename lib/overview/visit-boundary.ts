/**
 * "Since your last visit", per editor. The overview stamps `deskVisitAt`
 * while it is open (on load and every few minutes); a gap longer than
 * VISIT_GAP_MS starts a new visit, whose boundary (`deskSinceAt`) is the end
 * of the previous one. So the queue stays put while an editor works through
 * it, and starts again from where they left off after a break.
 */
export const VISIT_GAP_MS = 30 * 60_000;
/** An editor's first visit shows the last week's arrivals. */
export const FIRST_VISIT_LOOKBACK_MS = 7 * 86_400_000;

export type VisitStamps = { deskVisitAt: Date | null; deskSinceAt: Date | null };

/** Where the queue starts for an editor at `now`. */
export function queueSince(stamps: VisitStamps, now: Date): Date {
  const firstVisit = new Date(now.getTime() - FIRST_VISIT_LOOKBACK_MS);
  if (!stamps.deskVisitAt) return firstVisit;
  if (now.getTime() - stamps.deskVisitAt.getTime() > VISIT_GAP_MS) return stamps.deskVisitAt;
  return stamps.deskSinceAt ?? firstVisit;
}

/** The stamps after a visit at `now`. */
export function visitStamps(stamps: VisitStamps, now: Date): { deskVisitAt: Date; deskSinceAt: Date } {
  return { deskVisitAt: now, deskSinceAt: queueSince(stamps, now) };
}
