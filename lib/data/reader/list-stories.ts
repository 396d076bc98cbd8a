import 'server-only';
import type { Prisma } from '../../db/client';
import { getDb } from '../../db/client';
import { decodeCursor, encodeCursor, type RiverOrder } from '../../reader/river-cursor';
import { STORY_CARD_SELECT, toStoryCard, type StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

export const PAGE_SIZE = 30;

const ORDER_BY: Record<RiverOrder, Prisma.ArticleOrderByWithRelationInput[]> = {
  latest: [{ publishedAt: 'desc' }, { id: 'desc' }],
  top: [{ qualityRank: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
  trending: [{ trendingRank: 'desc' }, { id: 'desc' }],
};

/**
 * Strictly after the cursor. The leading `lte` bound lets the database seek
 * straight to the cursor in the order's index instead of scanning from the top.
 */
function afterCursor(order: RiverOrder, cursor: string | undefined): Prisma.ArticleWhereInput | 'invalid' {
  if (!cursor) return {};
  const position = decodeCursor(order, cursor);
  if (!position) return 'invalid';
  switch (position.order) {
    case 'latest':
      return {
        publishedAt: { lte: position.publishedAt },
        OR: [{ publishedAt: { lt: position.publishedAt } }, { id: { lt: position.id } }],
      };
    case 'top':
      return {
        qualityRank: { lte: position.qualityRank },
        OR: [
          { qualityRank: { lt: position.qualityRank } },
          { publishedAt: { lt: position.publishedAt } },
          { publishedAt: position.publishedAt, id: { lt: position.id } },
        ],
      };
    case 'trending':
      return {
        trendingRank: { lte: position.trendingRank },
        OR: [{ trendingRank: { lt: position.trendingRank } }, { id: { lt: position.id } }],
      };
  }
}

export type StoryPage = { stories: StoryCard[]; nextCursor: string | null; invalidCursor?: true };

export type StoryFilter = { topicId?: number; sourceId?: number };

/** A page of published stories in the given order, optionally within one topic or source. */
export async function listStories(order: RiverOrder, cursor?: string, filter: StoryFilter = {}, limit = PAGE_SIZE): Promise<StoryPage> {
  const after = afterCursor(order, cursor);
  if (after === 'invalid') return { stories: [], nextCursor: null, invalidCursor: true };
  const rows = await getDb().article.findMany({
    where: {
      ...visibleArticleWhere(new Date()),
      ...(filter.topicId !== undefined ? { topics: { some: { topicId: filter.topicId } } } : {}),
      ...(filter.sourceId !== undefined ? { sourceId: filter.sourceId } : {}),
      ...after,
    },
    orderBy: ORDER_BY[order],
    take: limit + 1,
    select: STORY_CARD_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return { stories: page.map(toStoryCard), nextCursor: last ? encodeCursor(order, last) : null };
}
