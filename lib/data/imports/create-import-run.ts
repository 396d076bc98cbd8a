import 'server-only';
import type { DbClient } from '../../db/client';

export type NewImportRun = {
  /** Chosen by the client when it wants to follow the run's progress while its request is in flight. */
  id?: string;
  actor: { id: string; email: string } | null;
  via: 'desk' | 'api' | 'cli';
  what: string;
  files: number;
};

export async function createImportRun(db: DbClient, run: NewImportRun): Promise<{ id: string }> {
  return db.importRun.create({
    data: {
      ...(run.id ? { id: run.id } : {}),
      actorId: run.actor?.id ?? null,
      actorEmail: run.actor?.email ?? null,
      via: run.via,
      what: run.what,
      status: 'running',
      files: run.files,
    },
    select: { id: true },
  });
}

/** Whether a run with this id exists: a client-chosen id must be new. */
export async function importRunExists(db: DbClient, id: string): Promise<boolean> {
  return (await db.importRun.count({ where: { id } })) > 0;
}
