import 'server-only';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { getDb } from '../../db/client';
import { visibleArticleSql } from './visibility';

/** How many stories readers see (one per story, however many members), optionally within a topic or a source. */
export async function countVisibleStories(filter: { topicId?: number; sourceId?: number } = {}): Promise<number> {
  const sql = PrismaRuntime.sql;
  const conditions = [visibleArticleSql(new Date())];
  if (filter.topicId !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "ArticleTopic" x WHERE x."articleId" = a."id" AND x."topicId" = ${filter.topicId})`);
  }
  if (filter.sourceId !== undefined) conditions.push(sql`a."sourceId" = ${filter.sourceId}`);
  const [row] = await getDb().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(DISTINCT COALESCE(a."storyId", -a."id")) AS n FROM "Article" a WHERE ${PrismaRuntime.join(conditions, ' AND ')}`;
  return Number(row?.n ?? 0);
}
