import { redirect } from 'next/navigation';
import { dayOf, siteTimeZone } from '@/lib/digest/day-bounds.mjs';

export const dynamic = 'force-dynamic';

/** `/digest` is today's digest, wherever the site's day currently is. */
export default function TodaysDigest() {
  redirect(`/digest/${dayOf(new Date(), siteTimeZone())}`);
}
