import 'server-only';
import type { DbClient } from '../../db/client';
import { dayBounds, siteTimeZone } from '../../digest/day-bounds.mjs';
import { RefusedError } from '../../errors/refused-error';
import { computeDigest } from './compute-digest';
import { freezeDigest } from './freeze-digest';

/** Replaces a past day's frozen digest with one computed now, with the editors' latest picks and note. */
export async function republishDigest(db: DbClient, day: string, now: Date) {
  if (dayBounds(day, siteTimeZone()).end > now) {
    throw new RefusedError(422, `The digest of ${day} follows the news until the day is over; there is nothing to republish yet.`);
  }
  const edition = await db.digestEdition.findUnique({ where: { day }, select: { note: true } });
  const digest = await computeDigest(db, day, now, edition?.note ?? null);
  await freezeDigest(db, digest, now);
  return { day, stories: digest.stories.length, frozenAt: now.toISOString() };
}
