import 'server-only';
import type { DbClient } from '../../db/client';
import { dayBounds, siteTimeZone } from '../../digest/day-bounds.mjs';
import { ZDigest, type Digest } from '../../schemas/digest';
import { computeDigest } from './compute-digest';
import { freezeDigest } from './freeze-digest';

export type DigestView = Digest & {
  /** Frozen: a past day's digest as it was first read (or sent, or republished). */
  frozen: boolean;
  /** Editors changed picks or the note after it froze: republishing would apply them. */
  pendingChanges: boolean;
};

/**
 * A day's digest. Until the day is over it follows the data; the first
 * reading after that freezes it, so later edits leave it as readers (and
 * the newsletter) had it, unless an editor republishes. Null for a day with
 * nothing to show.
 */
export async function getDigest(db: DbClient, day: string, now: Date): Promise<DigestView | null> {
  const edition = await db.digestEdition.findUnique({ where: { day } });
  if (edition?.snapshot && edition.frozenAt) {
    const snapshot = ZDigest.parse(edition.snapshot);
    return { ...snapshot, frozen: true, pendingChanges: edition.editedAt !== null && edition.editedAt > edition.frozenAt };
  }
  const digest = await computeDigest(db, day, now, edition?.note ?? null);
  if (digest.stories.length === 0) return null;
  if (dayBounds(day, siteTimeZone()).end <= now) {
    await freezeDigest(db, digest, now);
    return { ...digest, frozen: true, pendingChanges: false };
  }
  return { ...digest, frozen: false, pendingChanges: false };
}
