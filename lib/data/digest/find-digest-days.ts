import 'server-only';
import type { DbClient } from '../../db/client';
import { dayBounds, dayOf, siteTimeZone } from '../../digest/day-bounds.mjs';
import { visibleArticleWhere } from '../reader/visibility';

/**
 * The nearest days with a digest on either side of `day` (days with no story
 * are skipped), and the most recent one: where /digest sends readers when
 * today has nothing yet.
 */
export async function findDigestDays(db: DbClient, day: string, now: Date) {
  const zone = siteTimeZone();
  const { start, end } = dayBounds(day, zone);
  const visible = visibleArticleWhere(now);
  const [before, after, latest] = await Promise.all([
    db.article.findFirst({
      where: { ...visible, publishedAt: { lt: start } },
      orderBy: { publishedAt: 'desc' },
      select: { publishedAt: true },
    }),
    db.article.findFirst({
      where: { ...visible, publishedAt: { gte: end, lte: now } },
      orderBy: { publishedAt: 'asc' },
      select: { publishedAt: true },
    }),
    db.article.findFirst({
      where: { ...visible, publishedAt: { lte: now } },
      orderBy: { publishedAt: 'desc' },
      select: { publishedAt: true },
    }),
  ]);
  const dayOfRow = (row: { publishedAt: Date } | null) => (row ? dayOf(row.publishedAt, zone) : null);
  return { previous: dayOfRow(before), next: dayOfRow(after), latest: dayOfRow(latest) };
}
