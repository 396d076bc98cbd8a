import 'server-only';
import type { DbClient } from '../../db/client';
import { QUALITY_MAX } from '../../schemas/desk';
import { overviewSql, toNumber, type OverviewRange } from './overview-sql';

export type QualityBucket = { label: string; from: number | null; to: number | null; articles: number };

const WIDTH = 100;
const BUCKETS = Math.ceil(QUALITY_MAX / WIDTH);

/** How the range's articles are scored: "no score", then buckets of 100 (the last one includes the maximum). */
export async function countQualityDistribution(db: DbClient, range: OverviewRange): Promise<QualityBucket[]> {
  const s = overviewSql();
  const rows = await db.$queryRaw<{ bucket: bigint | number; articles: bigint | number }[]>(s.sql`
    SELECT CASE WHEN a."qualityRank" < 0 THEN -1 WHEN a."qualityRank" >= ${QUALITY_MAX} THEN ${BUCKETS - 1}
      ELSE a."qualityRank" / ${WIDTH} END AS bucket, COUNT(*) AS articles
    FROM "Article" a
    WHERE a."publishedAt" >= ${s.at(range.start)} AND a."publishedAt" < ${s.at(range.end)} AND ${s.inTopic(range.topicId)}
    GROUP BY 1`);
  // Added up, not assigned: an engine may return the same bucket as a number and as text in two groups.
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(Number(row.bucket), (counts.get(Number(row.bucket)) ?? 0) + toNumber(row.articles));
  const buckets: QualityBucket[] = [{ label: 'no score', from: null, to: null, articles: counts.get(-1) ?? 0 }];
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
    const from = bucket * WIDTH;
    const to = bucket === BUCKETS - 1 ? QUALITY_MAX : from + WIDTH - 1;
    buckets.push({ label: `${from}–${to}`, from, to, articles: counts.get(bucket) ?? 0 });
  }
  return buckets;
}
