import 'server-only';
import { cachedGetDigest } from '../cache/cached-queries';
import { absoluteUrl, SITE_NAME } from '../reader/site-url';
import { renderFeed, type FeedFormat, type FeedItem } from '../reader/feeds';
import type { Digest } from '../schemas/digest';
import { addDays, dayBounds, dayOf, siteTimeZone } from './day-bounds.mjs';
import { longDay } from './render-digest-email';

/** How many recent days a digest feed covers. */
const FEED_DAYS = 14;

export function digestFeedItem(digest: Digest): FeedItem {
  const lines = digest.stories.map((story, index) => `${index + 1}. ${story.title} (${story.source.name})`);
  return {
    id: absoluteUrl(`/digest/${digest.day}`),
    link: absoluteUrl(`/digest/${digest.day}`),
    title: `${SITE_NAME} digest: ${longDay(digest.day)}`,
    summary: [digest.note ?? '', lines.join('\n')].filter(Boolean).join('\n\n'),
    publishedAt: digest.generatedAt,
    author: null,
    categories: [],
    image: null,
  };
}

/** The recent digests, newest first (today's while it grows, then each past day as frozen). */
export async function recentDigests(now = new Date()): Promise<Digest[]> {
  const today = dayOf(now, siteTimeZone());
  const days = Array.from({ length: FEED_DAYS }, (_, back) => addDays(today, -back));
  const digests = await Promise.all(days.map((day) => cachedGetDigest(day)));
  return digests.filter((digest): digest is NonNullable<typeof digest> => digest !== null);
}

export function digestFeed(format: FeedFormat) {
  return async () => {
    const digests = await recentDigests();
    return renderFeed(format, {
      title: `${SITE_NAME} digest`,
      description: 'Each day’s top stories, with their coverage.',
      path: '/digest',
      feedBase: '/digest',
      items: digests.map(digestFeedItem),
    });
  };
}

/** The day a digest page may show: a real day, not in the future. */
export function isPublishableDay(day: string, now = new Date()): boolean {
  return dayBounds(day, siteTimeZone()).start <= now;
}
