import 'server-only';
import type { DbClient } from '../../db/client';
import { IMPORT_RUN_SUMMARY, withState, type ImportRunSummary } from './import-run-select';

/** The most recent imports, newest first. */
export async function listImportRuns(db: DbClient, limit = 20): Promise<ImportRunSummary[]> {
  const runs = await db.importRun.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: limit, select: IMPORT_RUN_SUMMARY });
  return runs.map((run) => withState(run));
}
