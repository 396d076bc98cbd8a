/**
 * Which database every command talks to: the app, migrations, seeding,
 * import, export and tests all resolve `DATABASE_URL` through here.
 * No `server-only` marker: prisma.config.ts and the CLI scripts use it too.
 */
import { isAbsolute, resolve } from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Where the embedded database lives when `DATABASE_URL` is unset. */
export const DEFAULT_SQLITE_FILE = 'data/newsdesk.db';

/** The database this process uses: `DATABASE_URL`, resolved as below. */
export function resolveDatabaseUrl(): string {
  return databaseUrlFrom(process.env.DATABASE_URL, process.cwd());
}

/**
 * The effective database URL. Unset means the embedded SQLite file; relative
 * `file:` paths are resolved against `cwd` (every npm script runs in the
 * project root), so every tool opens the same file.
 */
export function databaseUrlFrom(raw: string | undefined, cwd: string): string {
  const url = raw?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (!url.startsWith('file:')) {
    databaseProviderOf(url);
    return url;
  }
  const [path, query] = splitQuery(url.slice('file:'.length));
  if (path === ':memory:') return url;
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  return `file:${absolute}${query}`;
}

function splitQuery(path: string): [string, string] {
  const at = path.indexOf('?');
  return at === -1 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

export function databaseProviderOf(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(?:ql)?:\/\//i.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL (PostgreSQL); got "${url.split(':')[0]}:…".`);
}

/** The file path of a `file:` URL, for better-sqlite3. */
export function sqliteFileOf(url: string): string {
  return splitQuery(url.slice('file:'.length))[0];
}
