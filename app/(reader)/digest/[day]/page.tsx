import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DigestPage } from '@/components/reader/digest-page';
import { cachedGetDigest } from '@/lib/cache/cached-queries';
import { addDays, dayOf, siteTimeZone } from '@/lib/digest/day-bounds.mjs';
import { ZDay } from '@/lib/schemas/digest';
import { isPublishableDay } from '@/lib/digest/digest-feed';
import { longDay } from '@/lib/digest/render-digest-email';
import { feedAlternates } from '@/lib/reader/feed-alternates';

type Params = { day: string };

export function generateStaticParams(): Params[] {
  return [];
}

/**
 * A day's digest, cached like every reader page. A day still to come is
 * answered without caching (its 404 must not outlive the midnight it waits for).
 */
async function loadDigest(raw: string) {
  const day = ZDay.safeParse(raw);
  if (!day.success) notFound();
  if (!isPublishableDay(day.data)) {
    await connection();
    notFound();
  }
  const digest = await cachedGetDigest(day.data);
  if (!digest) notFound();
  return digest;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const digest = await loadDigest((await params).day);
  const title = `Digest: ${longDay(digest.day)}`;
  return {
    title,
    description: digest.note ?? `The top stories of ${longDay(digest.day)}, with their coverage.`,
    alternates: { canonical: `/digest/${digest.day}`, types: feedAlternates('/digest', 'Newsdesk digest') },
  };
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const digest = await loadDigest((await params).day);
  const today = dayOf(new Date(), siteTimeZone());
  return <DigestPage digest={digest} previousDay={addDays(digest.day, -1)} nextDay={digest.day < today ? addDays(digest.day, 1) : null} />;
}
