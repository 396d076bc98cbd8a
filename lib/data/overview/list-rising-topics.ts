import 'server-only';
import type { DbClient } from '../../db/client';
import { overviewSql, toNumber } from './overview-sql';

export type RisingTopic = { slug: string; name: string; thisWeek: number; lastWeek: number; change: number };

const WEEK_MS = 7 * 86_400_000;

/**
 * Topics by how many more articles they had in the seven days before `end`
 * than in the seven days before that, most risen first (only topics that rose).
 */
export async function listRisingTopics(db: DbClient, end: Date, limit = 10): Promise<RisingTopic[]> {
  const s = overviewSql();
  const weekStart = new Date(end.getTime() - WEEK_MS);
  const previousStart = new Date(end.getTime() - 2 * WEEK_MS);
  const rows = await db.$queryRaw<{ topicId: number; thisWeek: bigint | number; lastWeek: bigint | number }[]>(s.sql`
    SELECT t."topicId" AS "topicId",
      SUM(CASE WHEN a."publishedAt" >= ${s.at(weekStart)} THEN 1 ELSE 0 END) AS "thisWeek",
      SUM(CASE WHEN a."publishedAt" < ${s.at(weekStart)} THEN 1 ELSE 0 END) AS "lastWeek"
    FROM "Article" a JOIN "ArticleTopic" t ON t."articleId" = a."id"
    WHERE a."publishedAt" >= ${s.at(previousStart)} AND a."publishedAt" < ${s.at(end)}
    GROUP BY t."topicId"`);
  const risen = rows
    .map((row) => ({ topicId: Number(row.topicId), thisWeek: toNumber(row.thisWeek), lastWeek: toNumber(row.lastWeek) }))
    .map((row) => ({ ...row, change: row.thisWeek - row.lastWeek }))
    .filter((row) => row.change > 0)
    .sort((a, b) => b.change - a.change || b.thisWeek - a.thisWeek || a.topicId - b.topicId)
    .slice(0, limit);
  const topics = new Map(
    (await db.topic.findMany({ where: { id: { in: risen.map((row) => row.topicId) } }, select: { id: true, slug: true, name: true } })).map(
      (topic) => [topic.id, topic],
    ),
  );
  return risen.map(({ topicId, ...row }) => ({ slug: topics.get(topicId)?.slug ?? '', name: topics.get(topicId)?.name ?? '', ...row }));
}
