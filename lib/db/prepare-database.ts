/**
 * Brings the database named by DATABASE_URL up to date: creates the SQLite
 * file (with the settings below) when it does not exist, then applies pending
 * migrations through the Prisma CLI (which picks the offline schema engine
 * when it has to).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openSqlConnection } from './bulk/sql-connection';
import { databaseEngineOf, sqliteFileOf } from './database-url.mjs';

/**
 * 16 KiB pages: articles are wide rows with several indexes, and a 100k
 * import measured ~10% faster than with 4 KiB pages. The page size can only
 * be chosen before the first table exists.
 */
const SQLITE_PAGE_SIZE = 16_384;

export function createSqliteDatabaseIfMissing(url: string): boolean {
  const file = sqliteFileOf(url);
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
  // WAL: readers never wait for the writer. The setting is stored in the file.
  database.pragma('journal_mode = WAL');
  database.close();
  return true;
}

export function applyMigrations(url: string, { quiet = false } = {}): void {
  const result = spawnSync('npx', ['prisma', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    // The line that says why, for a one-line report; the rest when the output was not shown.
    const reason = output
      .split('\n')
      .find((line) => /^Error\b|\bP\d{4}\b/.test(line.trim()))
      ?.trim();
    throw new Error(`prisma migrate deploy failed (exit ${result.status})${reason ? `: ${reason}` : ''}${quiet ? `\n${output}` : ''}`);
  }
}

export function prepareDatabase(url: string, options: { quiet?: boolean } = {}): void {
  if (databaseEngineOf(url) === 'sqlite') createSqliteDatabaseIfMissing(url);
  applyMigrations(url, options);
}

/** Migrations in the repository that the database has not applied (all of them when it has none). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const engine = databaseEngineOf(url);
  const folder = join(process.cwd(), 'prisma', engine, 'migrations');
  const local = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  if (engine === 'sqlite' && !existsSync(sqliteFileOf(url))) return local;
  const sql = await openSqlConnection(url);
  try {
    const applied = await sql
      .query<{ migration_name: string }>(
        'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
      )
      .catch(() => []);
    const done = new Set(applied.map((row) => row.migration_name));
    return local.filter((name) => !done.has(name));
  } finally {
    await sql.close();
  }
}

/**
 * For commands that run beside a live app (import, user management): the
 * migration tool only when something is pending. It needs the database to
 * itself on SQLite, and spawning it costs seconds on every run.
 */
export async function prepareDatabaseIfNeeded(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  if ((await pendingMigrations(url)).length > 0) prepareDatabase(url, options);
}
