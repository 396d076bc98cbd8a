import 'server-only';
import type { DbClient } from '../../db/client';
import type { FileReport } from '../../import/import-seed-folder';
import { IMPORT_RUN_SUMMARY, withState, type ImportRunSummary } from './import-run-select';

export type ImportRunWithReport = ImportRunSummary & { report: FileReport[] | null };

/** One run with its per-file report (null while it runs, or when it failed). */
export async function getImportRun(db: DbClient, id: string): Promise<ImportRunWithReport | null> {
  const run = await db.importRun.findUnique({ where: { id }, select: { ...IMPORT_RUN_SUMMARY, report: true } });
  return run ? withState({ ...run, report: (run.report as FileReport[] | null) ?? null }) : null;
}
