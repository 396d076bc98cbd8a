import 'server-only';
import type { DbClient } from '../../db/client';
import { queueSince } from '../../overview/visit-boundary';

/** Where an editor's "needs a decision" queue starts at `now`. */
export async function getQueueSince(db: DbClient, userId: string, now: Date): Promise<Date> {
  const stamps = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { deskVisitAt: true, deskSinceAt: true } });
  return queueSince(stamps, now);
}
