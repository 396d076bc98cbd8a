import 'server-only';
import type { DbClient } from '../../db/client';

/** The audit trail of accounts — users, roles, passwords, tokens, sessions — newest first. */
export function listAccountAuditEvents(db: DbClient, take = 100) {
  return db.auditEvent.findMany({
    where: { OR: [{ action: { startsWith: 'user.' } }, { action: { startsWith: 'apiToken.' } }] },
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true,
      at: true,
      action: true,
      targetType: true,
      targetId: true,
      outcome: true,
      via: true,
      actor: { select: { email: true } },
    },
  });
}
