import 'server-only';
import type { DbClient, Prisma } from '../../db/client';

export type AuditVia = 'desk' | 'api' | 'cli';
export type AuditOutcome = 'ok' | 'refused' | 'failed';
export type AuditTarget = { type: string; id: string | number };

export type AuditEventInput = {
  actorId: string | null;
  action: string;
  target: AuditTarget | null;
  outcome: AuditOutcome;
  status: number;
  via: AuditVia;
  detail?: Prisma.InputJsonValue;
};

/**
 * One row of the audit trail. Called by the guard (and the command line)
 * inside the transaction of the change it records, never ad hoc.
 */
export async function recordAuditEvent(db: DbClient, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target === null ? null : String(event.target.id),
      outcome: event.outcome,
      status: event.status,
      via: event.via,
      detail: event.detail,
    },
  });
}
