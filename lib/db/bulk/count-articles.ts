import { openSqlConnection } from './sql-connection';

export async function countArticles(url: string): Promise<number> {
  const sql = await openSqlConnection(url);
  try {
    const [row] = await sql.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM "Article"');
    return Number(row?.n ?? 0);
  } finally {
    await sql.close();
  }
}
