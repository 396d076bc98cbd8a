import 'server-only';
import type { DbClient } from '../../db/client';
import { dayBounds, siteTimeZone } from '../../digest/day-bounds.mjs';
import { visibleArticleWhere } from '../reader/visibility';

export type DigestCandidate = {
  id: number;
  title: string;
  sourceName: string;
  quality: number | null;
  heat: number | null;
  pick: 'pin' | 'drop' | null;
};

/** What editors can pin into or drop from a day's digest: that day's visible articles, best first, and every article already picked. */
export async function listDigestCandidates(db: DbClient, day: string, now: Date, limit = 60): Promise<DigestCandidate[]> {
  const { start, end } = dayBounds(day, siteTimeZone());
  const picks = await db.digestPick.findMany({ where: { day }, select: { articleId: true, kind: true } });
  const pickOf = new Map(picks.map((pick) => [pick.articleId, pick.kind as 'pin' | 'drop']));
  const rows = await db.article.findMany({
    where: { OR: [{ ...visibleArticleWhere(now), publishedAt: { gte: start, lt: end } }, { id: { in: [...pickOf.keys()] } }] },
    orderBy: [{ qualityRank: 'desc' }, { heatRank: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    take: limit + picks.length,
    select: { id: true, title: true, sourceName: true, quality: true, heat: true },
  });
  return rows.map((row) => ({ ...row, pick: pickOf.get(row.id) ?? null }));
}
