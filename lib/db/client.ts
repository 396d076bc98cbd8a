/**
 * The one Prisma client of the process, for whichever database
 * `DATABASE_URL` names. Both generated clients have the same models, so the
 * rest of the code is written against one type (`Db`).
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresqlClient } from '../generated/prisma-postgresql/client.ts';
import { PrismaClient as SqliteClient } from '../generated/prisma-sqlite/client.ts';
import { databaseEngineOf, resolveDatabaseUrl, sqliteFileOf, type DatabaseEngine } from './database-url.mjs';

/** Secrets stay out of every query unless one asks for them explicitly. */
const OMIT_SECRETS = { user: { passwordHash: true }, apiToken: { tokenHash: true } } as const;

function createSqliteClient(url: string) {
  const adapter = new PrismaBetterSqlite3({ url: sqliteFileOf(url), timeout: 10_000 });
  return new SqliteClient({ adapter, omit: OMIT_SECRETS });
}

export type Db = ReturnType<typeof createSqliteClient>;
export type { Prisma } from '../generated/prisma-sqlite/client.ts';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';

/** The client or a transaction's client: what data functions take, so the caller chooses the transaction. */
export type DbClient = Omit<Db, ITXClientDenyList>;

type Connection = { db: Db; engine: DatabaseEngine; url: string };

/**
 * SQLite (in WAL mode, set when the file is created) lets readers run while
 * one writer writes; the busy timeout lets a second writer (an import while
 * editors work) wait its turn instead of failing.
 */
function connectSqlite(url: string): Db {
  return createSqliteClient(url);
}

function connectPostgresql(url: string): Db {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const adapter = new PrismaPg({ connectionString: url, max });
  // Same models, generated for the other database: the types coincide.
  return new PostgresqlClient({ adapter, omit: OMIT_SECRETS }) as unknown as Db;
}

export function connect(url: string = resolveDatabaseUrl()): Connection {
  const engine = databaseEngineOf(url);
  return { db: engine === 'sqlite' ? connectSqlite(url) : connectPostgresql(url), engine, url };
}

const globalForDb = globalThis as typeof globalThis & { __newsdeskConnection?: Connection };

/** The shared connection (kept across hot reloads in development). */
export function connection(): Connection {
  globalForDb.__newsdeskConnection ??= connect();
  return globalForDb.__newsdeskConnection;
}

export function getDb(): Db {
  return connection().db;
}

export function getDatabaseEngine(): DatabaseEngine {
  return connection().engine;
}
