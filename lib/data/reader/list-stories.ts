import 'server-only';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { getDatabaseEngine, getDb, type Prisma } from '../../db/client';
import { visibleArticleWhere } from './visibility';
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

/** Every visible article aggregated by story: Trending, whose combined heat no single article carries. */
async function aggregateStories(
  order: RiverOrder,
  position: DecodedCursor | null,
  filter: StoryFilter,
  limit: number,
  now: Date,
): Promise<RankedStory[]> {
  const conditions = [visibleArticleSql(now)];
  if (filter.topicId !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "ArticleTopic" x WHERE x."articleId" = a."id" AND x."topicId" = ${filter.topicId})`);
  }
  if (filter.sourceId !== undefined) conditions.push(sql`a."sourceId" = ${filter.sourceId}`);
  return getDb().$queryRaw<RankedStory[]>`
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
}

type StoryKey = { sid: number; q: number; p: number };

/** Whether story `a` comes before story `b` in the order (both keys over visible members). */
function storyBefore(order: 'top' | 'latest', a: StoryKey, b: StoryKey): boolean {
  if (order === 'top' && a.q !== b.q) return a.q > b.q;
  if (a.p !== b.p) return a.p > b.p;
  return a.sid > b.sid;
}

const SCAN_BATCH = 240;

/**
 * Top and Latest without aggregating every article: a story's key is the key
 * of the first of its visible members in the article order (Top: the best
 * quality, then that member's date; Latest: the newest member), so the page's stories are found by walking the
 * article index from the cursor and collecting story ids, their true keys
 * then read for those stories alone (a story met again after the cursor may
 * have been shown on an earlier page: its true key says so). The walk goes on
 * until the page is full and past every article tying with its last story.
 */
async function scanStories(
  order: 'top' | 'latest',
  position: DecodedCursor | null,
  filter: StoryFilter,
  limit: number,
  now: Date,
): Promise<RankedStory[]> {
  const db = getDb();
  const base: Prisma.ArticleWhereInput = {
    ...visibleArticleWhere(now),
    ...(filter.topicId !== undefined ? { topics: { some: { topicId: filter.topicId } } } : {}),
    ...(filter.sourceId !== undefined ? { sourceId: filter.sourceId } : {}),
  };
  const cursor: StoryKey | null =
    position && position.order !== 'trending'
      ? { sid: position.id, p: position.publishedAt.getTime(), q: position.order === 'top' ? position.qualityRank : 0 }
      : null;
  const orderBy: Prisma.ArticleOrderByWithRelationInput[] =
    order === 'top' ? [{ qualityRank: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }] : [{ publishedAt: 'desc' }, { id: 'desc' }];
  // Articles from the cursor's key on (inclusive: ties are settled by the stories' true keys).
  const from = (key: { q: number; p: number }): Prisma.ArticleWhereInput =>
    order === 'top'
      ? { qualityRank: { lte: key.q }, OR: [{ qualityRank: { lt: key.q } }, { publishedAt: { lte: new Date(key.p) } }] }
      : { publishedAt: { lte: new Date(key.p) } };
  let after: Prisma.ArticleWhereInput = cursor ? from(cursor) : {};
  const keys = new Map<number, StoryKey | null>();
  const found: StoryKey[] = [];
  for (let guard = 0; guard < 1_000; guard++) {
    const rows = await db.article.findMany({
      where: { ...base, AND: [after] },
      orderBy,
      take: SCAN_BATCH,
      select: { id: true, storyId: true, qualityRank: true, publishedAt: true },
    });
    const fresh = [...new Set(rows.map((row) => row.storyId ?? -row.id))].filter((sid) => !keys.has(sid));
    const stories = fresh.filter((sid) => sid > 0);
    // Each candidate's true key: its first visible member in the article order (best quality, then newest; or newest).
    const members = stories.length
      ? await db.article.findMany({
          where: { ...base, storyId: { in: stories } },
          select: { storyId: true, qualityRank: true, publishedAt: true },
        })
      : [];
    for (const member of members) {
      const key = { sid: member.storyId!, q: order === 'top' ? member.qualityRank : 0, p: member.publishedAt.getTime() };
      const known = keys.get(key.sid);
      if (!known || storyBefore(order, { ...key, sid: 0 }, { ...known, sid: 0 })) keys.set(key.sid, key);
    }
    for (const row of rows) {
      if (row.storyId === null) keys.set(-row.id, { sid: -row.id, q: order === 'top' ? row.qualityRank : 0, p: row.publishedAt.getTime() });
    }
    for (const sid of fresh) {
      const key = keys.get(sid);
      if (key && (!cursor || storyBefore(order, cursor, key))) found.push(key);
    }
    found.sort((a, b) => (storyBefore(order, a, b) ? -1 : storyBefore(order, b, a) ? 1 : 0));
    const last = rows.at(-1);
    if (!last || rows.length < SCAN_BATCH) break;
    const edge = found[limit];
    // Full, and the walk is past every article that could tie with the page's last story.
    if (
      edge &&
      (order === 'top'
        ? last.qualityRank < edge.q || (last.qualityRank === edge.q && last.publishedAt.getTime() < edge.p)
        : last.publishedAt.getTime() < edge.p)
    ) {
      break;
    }
    after =
      order === 'top'
        ? {
            qualityRank: { lte: last.qualityRank },
            OR: [
              { qualityRank: { lt: last.qualityRank } },
              { publishedAt: { lt: last.publishedAt } },
              { publishedAt: last.publishedAt, id: { lt: last.id } },
            ],
          }
        : { publishedAt: { lte: last.publishedAt }, OR: [{ publishedAt: { lt: last.publishedAt } }, { id: { lt: last.id } }] };
  }
  return found.slice(0, limit + 1).map((key) => ({ sid: key.sid, q: key.q, p: new Date(key.p), t: 0 }));
}

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
  const rows =
    order === 'trending'
      ? await aggregateStories(order, position, filter, limit, now)
      : await scanStories(order, position, filter, limit, now);
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
