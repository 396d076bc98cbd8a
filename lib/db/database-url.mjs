// @ts-check
/**
 * Which database every command talks to: the app, migrations, seeding,
 * import, export, tests, the page cache handler and the offline schema engine
 * all resolve `DATABASE_URL` through here. Plain JavaScript, because the
 * cache handler and the schema engine are loaded outside the TypeScript build.
 */
import { isAbsolute, resolve } from 'node:path';

/** @typedef {'sqlite' | 'postgresql'} DatabaseEngine */

/** Where the embedded database lives when `DATABASE_URL` is unset. */
export const DEFAULT_SQLITE_FILE = 'data/newsdesk.db';

/** The database this process uses: `DATABASE_URL`, resolved as below. */
export function resolveDatabaseUrl() {
  return databaseUrlFrom(process.env.DATABASE_URL, process.cwd());
}

/**
 * The effective database URL. Unset means the embedded SQLite file; relative
 * `file:` paths are resolved against `cwd` (every npm script runs in the
 * project root), so every tool opens the same file.
 * @param {string | undefined} raw
 * @param {string} cwd
 * @returns {string}
 */
export function databaseUrlFrom(raw, cwd) {
  const url = raw?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (!url.startsWith('file:')) {
    databaseEngineOf(url);
    return url;
  }
  const [path, query] = splitQuery(url.slice('file:'.length));
  if (path === ':memory:') return url;
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  return `file:${absolute}${query}`;
}

/** @param {string} path @returns {[string, string]} */
function splitQuery(path) {
  const at = path.indexOf('?');
  return at === -1 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

export class UnsupportedDatabaseUrlError extends Error {
  /** @param {string} url */
  constructor(url) {
    super(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL (PostgreSQL); got "${url.split(':')[0]}:…".`);
    this.name = 'UnsupportedDatabaseUrlError';
  }
}

/**
 * @param {string} url
 * @returns {DatabaseEngine}
 */
export function databaseEngineOf(url) {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(?:ql)?:\/\//i.test(url)) return 'postgresql';
  throw new UnsupportedDatabaseUrlError(url);
}

/**
 * The file path of a `file:` URL, for better-sqlite3.
 * @param {string} url
 */
export function sqliteFileOf(url) {
  return splitQuery(url.slice('file:'.length))[0];
}
