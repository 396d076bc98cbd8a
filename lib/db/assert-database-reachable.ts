/**
 * Commands check the database before doing anything else, so that a closed
 * port or a wrong host is one clear line (see lib/cli) rather than the
 * migration tool's output or a driver's stack trace.
 */
import { databaseEngineOf } from './database-url.mjs';
import { openSqlConnection } from './bulk/sql-connection';

export async function assertDatabaseReachable(url: string): Promise<void> {
  if (databaseEngineOf(url) !== 'postgresql') return;
  const sql = await openSqlConnection(url);
  try {
    await sql.query('SELECT 1');
  } finally {
    await sql.close();
  }
}
