import 'server-only';
import type { DbClient } from '../../db/client';
import { overviewSql, toNumber, type OverviewRange } from './overview-sql';

export type ArticlesOnDay = { day: string; published: number; unpublished: number };

const DAY_MS = 86_400_000;

/** Articles by their publication day (UTC) in the range, split by whether editors (or files) published them; every day listed. */
export async function countArticlesPerDay(db: DbClient, range: OverviewRange): Promise<ArticlesOnDay[]> {
  const s = overviewSql();
  const rows = await db.$queryRaw<{ day: string; published: bigint | number | null; total: bigint | number }[]>(s.sql`
    SELECT ${s.day(s.sql`a."publishedAt"`)} AS day, SUM(${s.publishedFlag}) AS published, COUNT(*) AS total
    FROM "Article" a
    WHERE a."publishedAt" >= ${s.at(range.start)} AND a."publishedAt" < ${s.at(range.end)} AND ${s.inTopic(range.topicId)}
    GROUP BY 1`);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: ArticlesOnDay[] = [];
  for (let at = range.start.getTime(); at < range.end.getTime(); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    const row = byDay.get(day);
    const published = toNumber(row?.published ?? 0);
    days.push({ day, published, unpublished: toNumber(row?.total ?? 0) - published });
  }
  return days;
}
