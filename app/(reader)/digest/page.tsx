import { redirect } from 'next/navigation';
import { cachedFindDigestDays, cachedGetDigest } from '@/lib/cache/cached-queries';
import { dayOf, siteTimeZone } from '@/lib/digest/day-bounds.mjs';

export const dynamic = 'force-dynamic';

/** `/digest` is today's digest, or the latest day that has one while today has nothing yet. */
export default async function CurrentDigest() {
  const today = dayOf(new Date(), siteTimeZone());
  if (await cachedGetDigest(today)) redirect(`/digest/${today}`);
  const { latest } = await cachedFindDigestDays(today);
  redirect(`/digest/${latest ?? today}`);
}
