import 'server-only';
import type { DbClient } from '../../db/client';
import type { TPresenceBeat } from '../../schemas/overview';
import { PRESENCE_TTL_MS } from './list-presence';

/**
 * One heartbeat: the editor has this article (0: the table or overview) open,
 * doing `activity`. Kept in the database so every app instance sees it;
 * heartbeats older than the time-to-live are dropped on the way.
 */
export async function recordPresence(db: DbClient, userId: string, beat: TPresenceBeat, now: Date): Promise<{ seenAt: string }> {
  await db.presence.upsert({
    where: { userId_articleId: { userId, articleId: beat.articleId } },
    create: { userId, articleId: beat.articleId, activity: beat.activity, seenAt: now },
    update: { activity: beat.activity, seenAt: now },
  });
  await db.presence.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 10 * PRESENCE_TTL_MS) } } });
  return { seenAt: now.toISOString() };
}
