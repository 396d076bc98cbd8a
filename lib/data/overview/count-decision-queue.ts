import 'server-only';
import type { DbClient } from '../../db/client';
import { queueSince } from '../../overview/visit-boundary';
import { decisionQueueWhere, QUEUE_COUNT_CAP } from './list-decision-queue';

/** The count the desk's navigation shows beside "Overview" for one editor (capped at QUEUE_COUNT_CAP + 1). */
export async function countDecisionQueue(db: DbClient, userId: string, now: Date): Promise<number> {
  const stamps = await db.user.findUnique({ where: { id: userId }, select: { deskVisitAt: true, deskSinceAt: true } });
  if (!stamps) return 0;
  return db.article.count({ where: decisionQueueWhere(queueSince(stamps, now)), take: QUEUE_COUNT_CAP + 1 });
}
