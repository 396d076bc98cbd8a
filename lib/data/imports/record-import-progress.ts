import 'server-only';
import type { DbClient } from '../../db/client';

/** How many files the running import has processed: read by whoever follows it, on any instance. */
export async function recordImportProgress(db: DbClient, id: string, processed: number): Promise<void> {
  await db.importRun.update({ where: { id }, data: { processed } });
}
