import 'server-only';
import type { Prisma } from '../../db/client';
import { safeHttpUrl } from '../../links/safe-url';
import { storyPath } from '../../links/story-path';
import { isScore } from '../../ranking/score';

/** The fields every story listing shows: river, topic, source, search, feeds. */
export const STORY_CARD_SELECT = {
  id: true,
  storyId: true,
  title: true,
  excerpt: true,
  webUrl: true,
  originalUrl: true,
  publishedAt: true,
  quality: true,
  heat: true,
  qualityRank: true,
  trendingRank: true,
  sourceName: true,
  source: { select: { domain: true, logoUrl: true, logoWidth: true, logoHeight: true } },
  images: { where: { role: 'lead' }, orderBy: { position: 'asc' }, take: 1, select: { url: true, width: true, height: true } },
  topics: { orderBy: { position: 'asc' }, select: { label: true, topic: { select: { slug: true, name: true } } } },
  related: {
    orderBy: { position: 'asc' },
    select: { title: true, webUrl: true, publishedAt: true, sourceName: true, source: { select: { domain: true } } },
  },
} satisfies Prisma.ArticleSelect;

type StoryCardRow = Prisma.ArticleGetPayload<{ select: typeof STORY_CARD_SELECT }>;

export type Image = { url: string; width: number | null; height: number | null };

export type RelatedLinkCard = {
  title: string;
  url: string | null;
  sourceName: string | null;
  sourceDomain: string | null;
  publishedAt: string | null;
};

/** Plain data (dates as ISO strings): it goes through the data cache as JSON. */
export type StoryCard = {
  /** The lead article's id: the story page's address is the lead's. */
  id: number;
  /** The story the card stands for (negative: an article not yet assigned to a story, by its id). */
  storyId: number;
  /** How many outlets cover the story: the lead's and every other one in `related`. */
  sources: number;
  path: string;
  title: string;
  url: string | null;
  excerpt: string | null;
  publishedAt: string;
  quality: number | null;
  heat: number | null;
  source: { name: string; domain: string; logo: Image | null };
  image: Image | null;
  topics: { slug: string; name: string }[];
  related: RelatedLinkCard[];
};

function image(url: string | null | undefined, width: number | null | undefined, height: number | null | undefined): Image | null {
  const safe = safeHttpUrl(url);
  return safe ? { url: safe, width: width ?? null, height: height ?? null } : null;
}

export function toStoryCard(row: StoryCardRow): StoryCard {
  const lead = row.images[0];
  const related = row.related.map((link) => ({
    title: link.title,
    url: safeHttpUrl(link.webUrl),
    sourceName: link.sourceName,
    sourceDomain: link.source?.domain ?? null,
    publishedAt: link.publishedAt?.toISOString() ?? null,
  }));
  return {
    id: row.id,
    storyId: row.storyId ?? -row.id,
    sources: 1 + new Set(related.map((link) => link.sourceDomain ?? link.sourceName ?? link.title)).size,
    path: storyPath(row.id, row.title),
    title: row.title,
    url: safeHttpUrl(row.webUrl) ?? safeHttpUrl(row.originalUrl),
    excerpt: row.excerpt,
    publishedAt: row.publishedAt.toISOString(),
    // A negative "not computed" sentinel is no score for readers.
    quality: isScore(row.quality) ? row.quality : null,
    heat: isScore(row.heat) ? row.heat : null,
    source: {
      name: row.sourceName,
      domain: row.source.domain,
      logo: image(row.source.logoUrl, row.source.logoWidth, row.source.logoHeight),
    },
    image: lead ? image(lead.url, lead.width, lead.height) : null,
    // Topic pages are per topic, not per spelling: "AI" and "ai" are one.
    topics: [...new Map(row.topics.map(({ topic }) => [topic.slug, { slug: topic.slug, name: topic.name }])).values()],
    related,
  };
}
