import 'server-only';
import type { DbClient } from '../../db/client';

export type ScheduleChange = { id: number; title: string; sourceName: string; at: string; change: 'goes live' | 'comes down' };

const SELECT = { id: true, title: true, sourceName: true, publishAt: true, unpublishAt: true } as const;

/** Published articles whose schedule puts them on the river or takes them off it within `hours`, soonest first. */
export async function listScheduleChanges(db: DbClient, now: Date, hours = 24, limit = 50): Promise<ScheduleChange[]> {
  const until = new Date(now.getTime() + hours * 3_600_000);
  const [live, down] = await Promise.all([
    db.article.findMany({
      where: { published: true, publishAt: { gt: now, lte: until } },
      orderBy: { publishAt: 'asc' },
      take: limit,
      select: SELECT,
    }),
    db.article.findMany({
      where: { published: true, unpublishAt: { gt: now, lte: until } },
      orderBy: { unpublishAt: 'asc' },
      take: limit,
      select: SELECT,
    }),
  ]);
  return [
    ...live.map((row) => ({
      id: row.id,
      title: row.title,
      sourceName: row.sourceName,
      at: row.publishAt!.toISOString(),
      change: 'goes live' as const,
    })),
    ...down.map((row) => ({
      id: row.id,
      title: row.title,
      sourceName: row.sourceName,
      at: row.unpublishAt!.toISOString(),
      change: 'comes down' as const,
    })),
  ]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .slice(0, limit);
}
