import 'server-only';
import type { DbClient, Prisma } from '../../db/client';
import { DESK_ROW_SELECT, toDeskRow, type DeskRow } from '../desk/editorial-fields';

export type QueuedArticle = DeskRow & { arrivedAt: string };
export type DecisionQueue = { rows: QueuedArticle[]; total: number; totalIsCapped: boolean };

/** The queue's count stops here ("1,000+"): an exact count of a long backlog costs more than it tells. */
export const QUEUE_COUNT_CAP = 1000;

/** Unpublished arrivals since `since` that no editor has skipped, optionally in one topic. */
export function decisionQueueWhere(since: Date, topicId?: number): Prisma.ArticleWhereInput {
  return {
    published: false,
    createdAt: { gt: since },
    skip: { is: null },
    ...(topicId !== undefined ? { topics: { some: { topicId } } } : {}),
  };
}

/** "Needs a decision": the newest `limit` queued articles, and how many are queued (capped). */
export async function listDecisionQueue(
  db: DbClient,
  since: Date,
  options: { topicId?: number; limit?: number } = {},
): Promise<DecisionQueue> {
  const where = decisionQueueWhere(since, options.topicId);
  const [records, counted] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit ?? 25,
      select: { ...DESK_ROW_SELECT, createdAt: true },
    }),
    db.article.count({ where, take: QUEUE_COUNT_CAP + 1 }),
  ]);
  return {
    rows: records.map((record) => ({ ...toDeskRow(record), arrivedAt: record.createdAt.toISOString() })),
    total: Math.min(counted, QUEUE_COUNT_CAP),
    totalIsCapped: counted > QUEUE_COUNT_CAP,
  };
}
