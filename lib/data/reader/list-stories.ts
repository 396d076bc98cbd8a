import 'server-only';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { getDatabaseEngine, getDb, type Prisma } from '../../db/client';
import { decodeCursor, encodeCursor, type DecodedCursor, type RiverOrder } from '../../reader/river-cursor';
import { NO_HEAT_OFFSET, TRENDING_HALF_LIFE_HOURS } from '../../ranking/trending';
import { loadStoryCards } from './load-story-cards';
import type { StoryCard } from './story-card';
import { visibleArticleSql } from './visibility';

export const PAGE_SIZE = 30;

export type StoryPage = { stories: StoryCard[]; nextCursor: string | null; invalidCursor?: true };

export type StoryFilter = { topicId?: number; sourceId?: number };

type RankedStory = { sid: number | bigint; q: number | bigint; p: Date | string; t: number };

const sql = PrismaRuntime.sql;

/** A date-time as the engine stores it, for comparisons in raw SQL (see visibility.ts). */
function instant(date: Date): Date | string {
  return getDatabaseEngine() === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date;
}

/**
 * A story's rank keys, over its visible members (those matching the filter):
 * q, its best quality (Top); p, its newest member (Latest); t, its trending
 * rank from the combined heat of its members and its newest member's age
 * (lib/ranking/trending.ts), no-heat stories after every story with heat.
 */
function trendingExpression(): Prisma.Sql {
  const halfLife = TRENDING_HALF_LIFE_HOURS;
  if (getDatabaseEngine() === 'sqlite') {
    return sql`(CASE WHEN s.hot = 1 THEN log2(s.h + 1) ELSE ${NO_HEAT_OFFSET} END) + (julianday(s.p) - 2440587.5) * ${24 / halfLife}`;
  }
  return sql`CAST((CASE WHEN s.hot = 1 THEN ln(s.h + 1) / ln(2) ELSE CAST(${NO_HEAT_OFFSET} AS double precision) END) + CAST(EXTRACT(EPOCH FROM s.p) AS double precision) / ${3600 * halfLife} AS double precision)`;
}

function afterCursor(position: DecodedCursor | null): Prisma.Sql {
  if (!position) return sql`1 = 1`;
  switch (position.order) {
    case 'latest': {
      const p = instant(position.publishedAt);
      return sql`(r.p < ${p} OR (r.p = ${p} AND r.sid < ${position.id}))`;
    }
    case 'top': {
      const p = instant(position.publishedAt);
      return sql`(r.q < ${position.qualityRank} OR (r.q = ${position.qualityRank} AND (r.p < ${p} OR (r.p = ${p} AND r.sid < ${position.id}))))`;
    }
    case 'trending':
      return getDatabaseEngine() === 'sqlite'
        ? sql`(r.t < ${position.trendingRank} OR (r.t = ${position.trendingRank} AND r.sid < ${position.id}))`
        : sql`(r.t < CAST(${position.trendingRank} AS double precision) OR (r.t = CAST(${position.trendingRank} AS double precision) AND r.sid < ${position.id}))`;
  }
}

const ORDER_BY: Record<RiverOrder, Prisma.Sql> = {
  latest: sql`r.p DESC, r.sid DESC`,
  top: sql`r.q DESC, r.p DESC, r.sid DESC`,
  trending: sql`r.t DESC, r.sid DESC`,
};

/**
 * A page of stories in the given order, optionally within one topic or
 * source: one entry per story, ranked by the story (its visible members),
 * shown as its lead with the merged coverage (loadStoryCards). Keyset
 * pagination on the story's rank keys and id.
 */
export async function listStories(order: RiverOrder, cursor?: string, filter: StoryFilter = {}, limit = PAGE_SIZE): Promise<StoryPage> {
  const position = cursor ? decodeCursor(order, cursor) : null;
  if (cursor && !position) return { stories: [], nextCursor: null, invalidCursor: true };
  const now = new Date();
  const conditions = [visibleArticleSql(now)];
  if (filter.topicId !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "ArticleTopic" x WHERE x."articleId" = a."id" AND x."topicId" = ${filter.topicId})`);
  }
  if (filter.sourceId !== undefined) conditions.push(sql`a."sourceId" = ${filter.sourceId}`);
  const rows = await getDb().$queryRaw<RankedStory[]>`
    WITH s AS (
      SELECT COALESCE(a."storyId", -a."id") AS sid, MAX(a."qualityRank") AS q, MAX(a."publishedAt") AS p,
        SUM(CASE WHEN a."heat" >= 0 THEN a."heat" ELSE 0 END) AS h, MAX(CASE WHEN a."heat" >= 0 THEN 1 ELSE 0 END) AS hot
      FROM "Article" a
      WHERE ${PrismaRuntime.join(conditions, ' AND ')}
      GROUP BY COALESCE(a."storyId", -a."id")
    ), r AS (
      SELECT s.sid, s.q, s.p, ${trendingExpression()} AS t FROM s
    )
    SELECT r.sid, r.q, r.p, r.t FROM r
    WHERE ${afterCursor(position)}
    ORDER BY ${ORDER_BY[order]}
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const cards = await loadStoryCards(
    page.map((row) => Number(row.sid)),
    now,
  );
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return {
    stories: page.flatMap((row) => cards.get(Number(row.sid)) ?? []),
    nextCursor: last
      ? encodeCursor(order, {
          id: Number(last.sid),
          publishedAt: new Date(last.p),
          qualityRank: Number(last.q),
          trendingRank: Number(last.t),
        })
      : null,
  };
}
