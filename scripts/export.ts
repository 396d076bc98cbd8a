/**
 * npm run export -- <folder>
 *
 * Writes every article in the database named by DATABASE_URL back as a
 * front-matter file, at the path it was imported from, with the editors'
 * current `published` and `quality`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { exportArticles } from '../lib/export/export-articles';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: npm run export -- <folder>');
  process.exit(2);
}
const folder = resolve(positionals[0]!);
const sql = await openSqlConnection(resolveDatabaseUrl());
try {
  const report = await exportArticles(sql, folder);
  console.log(`exported ${report.written} articles to ${folder} in ${report.seconds.toFixed(1)} s`);
} finally {
  await sql.close();
}
