/**
 * The command-line face of the importer, shared by `npm run import` and
 * `prisma db seed`: progress on a terminal, one line per rejected file, the
 * unknown-key notices, the summary, and the exit code.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { resolveDatabaseUrl } from '../db/database-url.mjs';
import { prepareDatabase } from '../db/prepare-database';
import { formatRejection, formatSummary, importSeedFolder } from './import-seed-folder';
import { createProgressBar } from './progress-bar';
import { openSqlConnection } from '../db/bulk/sql-connection';

export async function runSeedImport(folder: string, { quiet = false } = {}): Promise<number> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`import: ${folder} is not a folder`);
    return 2;
  }
  const url = resolveDatabaseUrl();
  prepareDatabase(url, { quiet: true });
  const sql = await openSqlConnection(url);
  const progress = quiet ? { update: () => {}, done: () => {} } : createProgressBar();
  try {
    const report = await importSeedFolder(sql, folder, { onProgress: progress.update });
    progress.done();
    const shown = relative(process.cwd(), folder) || '.';
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
