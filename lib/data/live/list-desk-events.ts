import 'server-only';
import type { DbClient } from '../../db/client';

/** What a live desk view needs to know about a change: enough to refresh the right rows, not the change itself. */
export type DeskEvent = {
  id: number;
  at: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  actor: string | null;
};

/** Actions that change what the desk shows about articles. */
export const LIVE_ACTIONS = ['article.edit', 'articles.bulkEdit', 'changes.undo', 'articles.import', 'article.skip'] as const;

/** The audit trail's successful article changes after `afterId` (ids only grow), oldest first. */
export async function listDeskEvents(db: DbClient, afterId: number, limit = 200): Promise<DeskEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { id: { gt: afterId }, outcome: 'ok', action: { in: [...LIVE_ACTIONS] } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, at: true, action: true, targetType: true, targetId: true, actor: { select: { email: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    actor: row.actor ? row.actor.name || row.actor.email : null,
  }));
}
