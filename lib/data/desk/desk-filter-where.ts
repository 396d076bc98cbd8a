import 'server-only';
import type { Prisma } from '../../db/client';
import type { TDeskFilter } from '../../schemas/desk';
import { QUALITY_MIN } from '../../front-matter/schema';
import { matchArticleIds } from '../search/match-article-ids';
import { visibleArticleWhere } from '../reader/visibility';

/**
 * A search matching more than this is cut to its most recently added articles (and
 * the desk says so): the matches go to the database as an id list, which
 * Prisma keeps under SQLite's 999-parameter limit.
 */
export const DESK_SEARCH_LIMIT = 500;

export type DeskWhere = { where: Prisma.ArticleWhereInput; searchTruncated: boolean };

const DAY_MS = 86_400_000;

export async function deskFilterWhere(filter: TDeskFilter): Promise<DeskWhere> {
  const where: Prisma.ArticleWhereInput = {};
  let searchTruncated = false;
  const now = new Date();
  const byStatus: Record<TDeskFilter['status'], Prisma.ArticleWhereInput> = {
    all: {},
    published: { published: true },
    unpublished: { published: false },
    scheduled: { published: true, publishAt: { gt: now } },
    live: visibleArticleWhere(now),
    expired: { published: true, unpublishAt: { lte: now } },
  };
  Object.assign(where, byStatus[filter.status]);
  if (filter.story === 'unpublished-member') {
    const both: Prisma.ArticleWhereInput[] = [
      { story: { articles: { some: { published: false } } } },
      { story: { articles: { some: { published: true } } } },
    ];
    where.AND = [...(Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : []), ...both];
  }
  if (filter.storyId !== undefined) where.storyId = filter.storyId;
  if (filter.topic) where.topics = { some: { topic: { slug: filter.topic } } };
  if (filter.source) where.source = { domain: filter.source };
  if (filter.from || filter.to) {
    where.publishedAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  if (filter.qualityMin !== undefined || filter.qualityMax !== undefined) {
    // On qualityRank so the (qualityRank, id) index serves it; the lower bound
    // (at least QUALITY_MIN) keeps out articles with no score (rank -1).
    where.qualityRank = {
      gte: filter.qualityMin ?? QUALITY_MIN,
      ...(filter.qualityMax !== undefined ? { lte: filter.qualityMax } : {}),
    };
  }
  if (filter.q) {
    const ids = await matchArticleIds(filter.q, DESK_SEARCH_LIMIT + 1);
    searchTruncated = ids.length > DESK_SEARCH_LIMIT;
    where.id = { in: ids.slice(0, DESK_SEARCH_LIMIT) };
  }
  return { where, searchTruncated };
}
