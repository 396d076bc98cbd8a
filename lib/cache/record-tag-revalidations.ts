/**
 * Invalidates reader pages from outside the app (the command-line importer,
 * the watcher): the same row the cache handler writes for revalidateTag, so
 * every instance drops the pages, within the bound it already keeps for
 * editors' changes (at once on SQLite, NEWSDESK_CACHE_TAG_SYNC_MS on PostgreSQL).
 */
import type { SqlConnection } from '../db/bulk/sql-connection';
import { invalidationTime, tagRevalidationUpsert } from './tag-revalidations.mjs';

export async function recordTagRevalidations(sql: SqlConnection, tags: readonly string[]): Promise<void> {
  const at = invalidationTime();
  for (const tag of tags) {
    const { sql: statement, params } = tagRevalidationUpsert(sql.engine, tag, at);
    await sql.query(statement, params);
  }
}
