/**
 * Every test file gets its own database, copied from a template that the real
 * migrations built once per run: SQLite by default, PostgreSQL when
 * TEST_DATABASE=postgresql (server from TEST_POSTGRES_URL).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { prepareDatabase } from '../lib/db/prepare-database';

export type TestDatabaseEngine = 'sqlite' | 'postgresql';

export function testDatabaseEngine(): TestDatabaseEngine {
  return process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite';
}

const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SQLITE_FOLDER = join(process.cwd(), 'test-results', 'databases');

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

async function administer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const unique = () => `${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

/** Creates a migrated, empty database to copy from; returns its URL and how to remove it. */
export async function createTemplateDatabase(): Promise<{ url: string; remove: () => Promise<void> }> {
  if (testDatabaseEngine() === 'sqlite') {
    mkdirSync(SQLITE_FOLDER, { recursive: true });
    const file = join(SQLITE_FOLDER, `template_${unique()}.db`);
    const url = `file:${file}`;
    prepareDatabase(url, { quiet: true });
    // Copies take the main file only: fold the write-ahead log into it first.
    const database = new Database(file);
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    return { url, remove: async () => removeSqlite(file) };
  }
  const name = `newsdesk_template_${unique()}`;
  await administer(`CREATE DATABASE "${name}"`);
  const url = postgresUrl(name);
  prepareDatabase(url, { quiet: true });
  return { url, remove: () => administer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** A fresh copy of the template for one test file. */
export async function createDatabaseFromTemplate(templateUrl: string): Promise<{ url: string; remove: () => Promise<void> }> {
  if (templateUrl.startsWith('file:')) {
    const file = join(SQLITE_FOLDER, `test_${unique()}.db`);
    copyFileSync(templateUrl.slice('file:'.length), file);
    return { url: `file:${file}`, remove: async () => removeSqlite(file) };
  }
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `newsdesk_test_${unique()}`;
  await administer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { url: postgresUrl(name), remove: () => administer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
