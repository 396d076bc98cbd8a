import 'server-only';
import type { DbClient } from '../../db/client';
import { overviewSql, toNumber, type OverviewRange } from './overview-sql';

export type SourceFigure = { domain: string; name: string; articles: number; scored: number; averageQuality: number | null };

/** A source needs this many scored articles in the range to be ranked by its average quality. */
export const MIN_SCORED_FOR_AVERAGE = 3;

/** The sources with the most articles in the range, and those with the best average quality (scored articles only). */
export async function listTopSources(
  db: DbClient,
  range: OverviewRange,
  limit = 10,
): Promise<{ byCount: SourceFigure[]; byQuality: SourceFigure[] }> {
  const s = overviewSql();
  const rows = await db.$queryRaw<
    { sourceId: number; articles: bigint | number; scored: bigint | number; qualitySum: bigint | number | null }[]
  >(s.sql`
    SELECT a."sourceId" AS "sourceId", COUNT(*) AS articles,
      SUM(CASE WHEN a."qualityRank" >= 0 THEN 1 ELSE 0 END) AS scored,
      SUM(CASE WHEN a."qualityRank" >= 0 THEN a."qualityRank" ELSE 0 END) AS "qualitySum"
    FROM "Article" a
    WHERE a."publishedAt" >= ${s.at(range.start)} AND a."publishedAt" < ${s.at(range.end)} AND ${s.inTopic(range.topicId)}
    GROUP BY a."sourceId"`);
  const figures = rows.map((row) => {
    const scored = toNumber(row.scored);
    return {
      sourceId: Number(row.sourceId),
      articles: toNumber(row.articles),
      scored,
      averageQuality: scored > 0 ? Math.round(toNumber(row.qualitySum) / scored) : null,
    };
  });
  const byCount = [...figures].sort((a, b) => b.articles - a.articles || a.sourceId - b.sourceId).slice(0, limit);
  const byQuality = figures
    .filter((figure) => figure.scored >= MIN_SCORED_FOR_AVERAGE)
    .sort((a, b) => (b.averageQuality ?? 0) - (a.averageQuality ?? 0) || b.scored - a.scored || a.sourceId - b.sourceId)
    .slice(0, limit);
  const ids = [...new Set([...byCount, ...byQuality].map((figure) => figure.sourceId))];
  const sources = new Map(
    (await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, domain: true, name: true } })).map((source) => [
      source.id,
      source,
    ]),
  );
  const named = ({ sourceId, ...figure }: (typeof figures)[number]): SourceFigure => ({
    domain: sources.get(sourceId)?.domain ?? '',
    name: sources.get(sourceId)?.name ?? '',
    ...figure,
  });
  return { byCount: byCount.map(named), byQuality: byQuality.map(named) };
}
