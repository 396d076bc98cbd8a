import 'server-only';
import type { DbClient } from '../../db/client';

/** A heartbeat counts for this long: editors' pages beat every PRESENCE_BEAT_MS. */
export const PRESENCE_TTL_MS = 15_000;

export type PresenceEntry = { userId: string; who: string; articleId: number; activity: string; seenAt: string };

/** Everyone with a desk page open right now (fresh heartbeats), by article. A handful of rows: one per editor and page. */
export async function listPresence(db: DbClient, now: Date): Promise<PresenceEntry[]> {
  const rows = await db.presence.findMany({
    where: { seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) } },
    orderBy: [{ articleId: 'asc' }, { userId: 'asc' }],
    take: 500,
    select: { userId: true, articleId: true, activity: true, seenAt: true, user: { select: { email: true, name: true } } },
  });
  return rows.map((row) => ({
    userId: row.userId,
    who: row.user.name || row.user.email,
    articleId: row.articleId,
    activity: row.activity,
    seenAt: row.seenAt.toISOString(),
  }));
}
