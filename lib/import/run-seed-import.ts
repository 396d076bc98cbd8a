/**
 * The command-line face of the importer, shared by `npm run import`,
 * `prisma db seed` and `npm start`: progress on a terminal, one line per
 * rejected file, the unknown-key notices, the summary, and the exit code.
 * With `watch`, it keeps going: one summary line per batch until stopped.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { UsageError } from '../cli/describe-cli-error';
import { assertDatabaseReachable } from '../db/assert-database-reachable';
import { resolveDatabaseUrl } from '../db/database-url.mjs';
import { prepareDatabaseIfNeeded } from '../db/prepare-database';
import { formatRejection, formatSummary, importSeedFolder } from './import-seed-folder';
import { createProgressBar } from './progress-bar';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { recordCliImportRun } from '../db/bulk/record-import-run';
import { readSeedFilesOnWorkers } from './read-seed-files-on-workers';
import { watchSeedFolder } from './watch-seed-folder';

export type SeedImportOptions = {
  quiet?: boolean;
  /** Bytes; default NEWSDESK_IMPORT_MAX_FILE_SIZE or 2 MB. */
  maxFileBytes?: number;
  /** Keep importing changes until `signal` aborts; `pollSeconds`: rescan only, for mounts that send no change events. */
  watch?: { signal: AbortSignal; pollSeconds?: number };
};

export async function runSeedImport(folder: string, { quiet = false, maxFileBytes, watch }: SeedImportOptions = {}): Promise<number> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${folder} is not a folder`);
  const url = resolveDatabaseUrl();
  await assertDatabaseReachable(url);
  await prepareDatabaseIfNeeded(url, { quiet: true });
  const sql = await openSqlConnection(url);
  const shown = relative(process.cwd(), folder) || '.';
  try {
    if (watch) {
      await watchSeedFolder(sql, folder, {
        maxFileBytes,
        reader: readSeedFilesOnWorkers,
        signal: watch.signal,
        log: (line) => console.log(line),
        onBatch: async (report, paths, startedAt) => {
          // Batches that only found files unchanged (touched, re-saved) leave no record.
          if (report.created + report.updated + report.rejected.length === 0) return;
          await recordCliImportRun(sql, `watch ${shown}: ${paths.length} file${paths.length === 1 ? '' : 's'}`, report, startedAt);
        },
        ...(watch.pollSeconds ? { events: false, rescanMs: watch.pollSeconds * 1000 } : {}),
      });
      console.log('stopped watching');
      return 0;
    }
    const startedAt = new Date();
    const progress = quiet ? { update: () => {}, done: () => {} } : createProgressBar();
    const report = await importSeedFolder(sql, folder, { onProgress: progress.update, maxFileBytes, reader: readSeedFilesOnWorkers });
    progress.done();
    await recordCliImportRun(sql, `folder ${shown} (${report.files} files)`, report, startedAt);
    for (const rejection of report.rejected) console.error(`rejected ${shown}/${formatRejection(rejection)}`);
    for (const key of report.unknownKeys) {
      console.warn(
        `notice: unknown key "${key.path}" kept as-is for export (${key.files} file${key.files === 1 ? '' : 's'}, first ${shown}/${key.firstFile})`,
      );
    }
    console.log(`${formatSummary(report)} (${report.files} files in ${report.seconds.toFixed(1)} s)`);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await sql.close();
  }
}
