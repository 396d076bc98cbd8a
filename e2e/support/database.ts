/** Direct access to the e2e database, for checks and for changes made "by someone else". */
import { openSqlConnection, type SqlConnection } from '../../lib/db/bulk/sql-connection';
import { e2eDatabaseUrl } from '../e2e-database';

export async function withDatabase<T>(work: (sql: SqlConnection) => Promise<T>): Promise<T> {
  const sql = await openSqlConnection(e2eDatabaseUrl());
  try {
    return await work(sql);
  } finally {
    await sql.close();
  }
}

/** How many articles readers can see now: published, and inside their schedule (lib/data/reader/visibility.ts). */
export async function publishedCount(): Promise<number> {
  return withDatabase(async (sql) => {
    const now = new Date();
    const p = (n: number) => sql.placeholder(n);
    const [row] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "Article" WHERE "published" = ${p(1)} AND ("publishAt" IS NULL OR "publishAt" <= ${p(2)}) AND ("unpublishAt" IS NULL OR "unpublishAt" > ${p(3)})`,
      [true, now, now],
    );
    return Number(row?.n);
  });
}

/** How many stories readers can see now: stories with at least one visible article (one river entry each). */
export async function visibleStoryCount(): Promise<number> {
  return withDatabase(async (sql) => {
    const now = new Date();
    const p = (n: number) => sql.placeholder(n);
    const [row] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(DISTINCT COALESCE("storyId", -"id")) AS n FROM "Article" WHERE "published" = ${p(1)} AND ("publishAt" IS NULL OR "publishAt" <= ${p(2)}) AND ("unpublishAt" IS NULL OR "unpublishAt" > ${p(3)})`,
      [true, now, now],
    );
    return Number(row?.n);
  });
}

export async function articleIdByTitle(title: string): Promise<number> {
  return withDatabase(async (sql) => {
    const [row] = await sql.query<{ id: number }>(`SELECT "id" FROM "Article" WHERE "title" = ${sql.placeholder(1)}`, [title]);
    if (!row) throw new Error(`no article titled ${title}`);
    return Number(row.id);
  });
}
