import 'server-only';
import type { DbClient } from '../../db/client';

/** The newest audit event's id (0 when there is none): where a new live view starts. */
export async function getLatestEventId(db: DbClient): Promise<number> {
  const latest = await db.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return latest?.id ?? 0;
}
