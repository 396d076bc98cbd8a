/**
 * An uploaded folder through the one pipeline: the staged files are imported
 * by importSeedFiles like any folder, under a run record that others can
 * follow while it runs (processed / files) and read afterwards (its
 * per-file report). Parsing happens on the server's own thread, a chunk at a
 * time with the event loop free in between; the upload's limits bound it.
 *
 * Once the last byte has arrived, the import runs to its end even if the
 * client goes away: every article is written whole or not at all either way,
 * and the finished run, with its report, is on the Import page.
 */
import 'server-only';
import type { DbClient } from '../db/client';
import { resolveDatabaseUrl } from '../db/database-url.mjs';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { createImportRun, importRunExists } from '../data/imports/create-import-run';
import { finishImportRun } from '../data/imports/finish-import-run';
import { recordImportProgress } from '../data/imports/record-import-progress';
import { RefusedError } from '../errors/refused-error';
import type { ImportOutcome } from '../schemas/desk-responses';
import { importSeedFiles, type FileReport } from './import-seed-folder';
import type { StagedUpload } from './upload/stage-upload';

/** The report the API answers, and whether readers' pages changed. */
export type ImportResult = ImportOutcome & { changedReaderPages: boolean };

const PROGRESS_EVERY_MS = 250;

export async function importUpload(
  db: DbClient,
  upload: StagedUpload,
  run: { id?: string; actor: { id: string; email: string }; via: 'desk' | 'api' },
): Promise<ImportResult> {
  if (run.id && (await importRunExists(db, run.id))) throw new RefusedError(409, `there is already an import ${run.id}`);
  const { id } = await createImportRun(db, {
    id: run.id,
    actor: run.actor,
    via: run.via,
    what: upload.what,
    files: upload.paths.length + upload.rejected.length,
  });
  const sql = await openSqlConnection(resolveDatabaseUrl());
  let processed = 0;
  let lastProgress = 0;
  try {
    const report = await importSeedFiles(sql, upload.folder, upload.paths, {
      onProgress: (done) => {
        processed = done;
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        void recordImportProgress(db, id, done + upload.rejected.length).catch(() => {});
      },
    });
    const files = [
      ...report.outcomes,
      ...upload.rejected.map((rejection): FileReport => ({ path: rejection.filePath, outcome: 'rejected', errors: rejection.errors })),
    ].sort((a, b) => a.path.localeCompare(b.path));
    const rejected = report.rejected.length + upload.rejected.length;
    await finishImportRun(db, id, {
      status: 'done',
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected,
      outcomes: files,
    });
    return {
      id,
      what: upload.what,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected,
      skipped: upload.skipped,
      files,
      changedReaderPages: report.changedReaderPages,
    };
  } catch (error) {
    await finishImportRun(db, id, { status: 'failed', error: (error as Error).message, processed }).catch(() => {});
    throw error;
  } finally {
    await sql.close();
  }
}
