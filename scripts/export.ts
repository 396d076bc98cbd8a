/**
 * npm run export -- <folder>
 *
 * Writes every article in the database named by DATABASE_URL back as a
 * front-matter file, at the path it was imported from, with the editors'
 * current `published` and `quality`. An article that cannot be written
 * there (a path outside the folder, a symbolic link in the way) is reported
 * on one line and the exit code is 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand, UsageError } from '../lib/cli/describe-cli-error';
import { assertDatabaseReachable } from '../lib/db/assert-database-reachable';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { exportArticles } from '../lib/export/export-articles';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';

await runCommand('export', async () => {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('usage: npm run export -- <folder>');
  const folder = resolve(positionals[0]!);
  const url = resolveDatabaseUrl();
  await assertDatabaseReachable(url);
  const sql = await openSqlConnection(url);
  try {
    const report = await exportArticles(sql, folder);
    for (const refusal of report.refused) console.error(`refused ${refusal.path}: ${refusal.reason}`);
    console.log(
      `exported ${report.written} articles to ${folder} in ${report.seconds.toFixed(1)} s${report.refused.length ? `, refused ${report.refused.length}` : ''}`,
    );
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    await sql.close();
  }
});
