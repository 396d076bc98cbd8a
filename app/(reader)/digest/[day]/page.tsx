import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DigestPage } from '@/components/reader/digest-page';
import { cachedFindDigestDays, cachedGetDigest } from '@/lib/cache/cached-queries';
import { ZDay } from '@/lib/schemas/digest';
import { isPublishableDay } from '@/lib/digest/digest-feed';
import { longDay } from '@/lib/digest/render-digest-email';
import { feedAlternates } from '@/lib/reader/feed-alternates';

type Params = { day: string };

export function generateStaticParams(): Params[] {
  return [];
}

/**
 * A day's digest, cached like every reader page. A day still to come is a
 * 404 that reads the articles first, so its cached answer carries their tag
 * and turns over at the site's midnight like every other page of articles.
 */
async function loadDigest(raw: string) {
  const day = ZDay.safeParse(raw);
  if (!day.success) notFound();
  if (!isPublishableDay(day.data)) {
    await cachedFindDigestDays(day.data);
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
  const { previous, next } = await cachedFindDigestDays(digest.day);
  return <DigestPage digest={digest} previousDay={previous} nextDay={next} />;
}
