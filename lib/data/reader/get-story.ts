import 'server-only';
import { getDb, type Prisma } from '../../db/client';
import { safeHttpUrl } from '../../links/safe-url';
import { mergePageCoverage, outletKey } from '../../reader/merge-coverage';
import { isScore } from '../../ranking/score';
import { youtubeVideoId } from '../../reader/featured-video';
import { pickLead } from '../../stories/pick-lead';
import { STORY_CARD_SELECT, toStoryCard, type Image, type StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

/** A story page lists at most this many of its members (newest first); coverage beyond is rare. */
const MEMBER_LIMIT = 200;

export type CoverageEntry = StoryCard['related'][number] & {
  excerpt: string | null;
  ampUrl: string | null;
  quality: number | null;
  image: Image | null;
  /** A member of the story (an article on this site), not only a related link. */
  member: boolean;
};

export type StoryDetail = Omit<StoryCard, 'related'> & {
  category: string | null;
  type: string | null;
  originalUrl: string | null;
  webUrl: string | null;
  ampUrl: string | null;
  images: Image[];
  /** A YouTube video id parsed out of `featuredContent`, when it embeds one; the HTML itself is never used. */
  youtubeVideoId: string | null;
  /** The whole coverage: every other visible member and every related link, each URL once, newest first. */
  related: CoverageEntry[];
  updatedAt: string;
};

const DETAIL_SELECT = {
  ...STORY_CARD_SELECT,
  category: true,
  type: true,
  ampWebUrl: true,
  cdnAmpWebUrl: true,
  featuredContent: true,
  updatedAt: true,
  images: { where: { role: 'lead' }, orderBy: { position: 'asc' }, select: { url: true, width: true, height: true } },
  related: {
    orderBy: { position: 'asc' },
    select: {
      title: true,
      excerpt: true,
      webUrl: true,
      ampWebUrl: true,
      publishedAt: true,
      sourceName: true,
      quality: true,
      images: true,
      source: { select: { domain: true } },
    },
  },
} satisfies Prisma.ArticleSelect;

type DetailRow = Prisma.ArticleGetPayload<{ select: typeof DETAIL_SELECT }>;

function images(row: DetailRow): Image[] {
  return row.images.flatMap((image) => {
    const url = safeHttpUrl(image.url);
    return url ? [{ url, width: image.width, height: image.height }] : [];
  });
}

function relatedEntries(row: DetailRow): CoverageEntry[] {
  return row.related.map((link) => {
    const first = Array.isArray(link.images)
      ? (link.images[0] as { url?: unknown; width?: unknown; height?: unknown } | undefined)
      : undefined;
    const imageUrl = typeof first?.url === 'string' ? safeHttpUrl(first.url) : null;
    return {
      title: link.title,
      url: safeHttpUrl(link.webUrl),
      sourceName: link.sourceName,
      sourceDomain: link.source?.domain ?? null,
      publishedAt: link.publishedAt?.toISOString() ?? null,
      excerpt: link.excerpt,
      ampUrl: safeHttpUrl(link.ampWebUrl),
      quality: isScore(link.quality) ? link.quality : null,
      image: imageUrl
        ? {
            url: imageUrl,
            width: typeof first?.width === 'number' ? first.width : null,
            height: typeof first?.height === 'number' ? first.height : null,
          }
        : null,
      member: false,
    };
  });
}

function memberEntry(row: DetailRow): CoverageEntry {
  const card = toStoryCard(row);
  return {
    title: card.title,
    url: card.url,
    sourceName: card.source.name,
    sourceDomain: card.source.domain,
    publishedAt: card.publishedAt,
    excerpt: card.excerpt,
    ampUrl: safeHttpUrl(row.ampWebUrl) ?? safeHttpUrl(row.cdnAmpWebUrl),
    quality: card.quality,
    image: images(row)[0] ?? null,
    member: true,
  };
}

/**
 * The story an article belongs to, with everything the story page shows:
 * its lead (as on the river) and the whole coverage of its visible members.
 * Any visible member's id finds it, so old article addresses keep working
 * (the page redirects them to the lead's). Null when the article is missing
 * or readers cannot see it.
 */
export async function getStory(id: number): Promise<StoryDetail | null> {
  const now = new Date();
  const db = getDb();
  const entry = await db.article.findFirst({ where: { id, ...visibleArticleWhere(now) }, select: { storyId: true } });
  if (!entry) return null;
  const [rows, story] = await Promise.all([
    db.article.findMany({
      where: entry.storyId === null ? { id } : { storyId: entry.storyId, ...visibleArticleWhere(now) },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: MEMBER_LIMIT,
      select: DETAIL_SELECT,
    }),
    entry.storyId === null ? null : db.story.findUnique({ where: { id: entry.storyId }, select: { leadArticleId: true } }),
  ]);
  const lead = pickLead(
    rows.map((row) => ({ row, id: row.id, visible: true, qualityRank: row.qualityRank, publishedAt: row.publishedAt })),
    story?.leadArticleId ?? null,
  )!.row;
  const card = toStoryCard(lead);
  const others = rows.filter((row) => row !== lead);
  const coverage = mergePageCoverage(
    [...others.map(memberEntry), ...relatedEntries(lead), ...others.flatMap(relatedEntries)],
    [card.url, safeHttpUrl(lead.originalUrl)],
  );
  const outlets = new Set(
    [card.source, ...coverage.map((link) => ({ domain: link.sourceDomain, name: link.sourceName, url: link.url }))].map((outlet) =>
      outletKey({ sourceDomain: outlet.domain, sourceName: outlet.name, url: 'url' in outlet ? outlet.url : card.url }),
    ),
  );
  outlets.delete(null);
  return {
    ...card,
    sources: outlets.size,
    category: lead.category,
    type: lead.type,
    originalUrl: safeHttpUrl(lead.originalUrl),
    webUrl: safeHttpUrl(lead.webUrl),
    ampUrl: safeHttpUrl(lead.ampWebUrl) ?? safeHttpUrl(lead.cdnAmpWebUrl),
    images: images(lead),
    youtubeVideoId: youtubeVideoId(lead.featuredContent),
    related: coverage,
    updatedAt: rows.reduce((latest, row) => (row.updatedAt > latest ? row.updatedAt : latest), lead.updatedAt).toISOString(),
  };
}
