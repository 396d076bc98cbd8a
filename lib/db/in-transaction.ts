import 'server-only';
import { getDatabaseEngine, type Db, type DbClient } from './client';

/** Prisma's codes for a write conflict or serialization failure, and SQLite's busy snapshot. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : '';
  return code === 'P2034' || /could not serialize|SQLITE_BUSY|database is locked/i.test(message);
}

/**
 * Runs `work` in one serializable transaction, retrying a few times when a
 * concurrent transaction got in the way. Everything a change writes (its
 * rows, its field history, its audit event) commits together or not at all.
 */
export async function inTransaction<T>(db: Db, work: (tx: DbClient) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, {
        isolationLevel: getDatabaseEngine() === 'postgresql' ? 'Serializable' : undefined,
        maxWait: 10_000,
        timeout: 60_000,
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
