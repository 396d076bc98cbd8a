import 'server-only';
import { getDatabaseProvider, getDb } from '../../db/client';
import { searchTerms, toFts5Query, toTsQuery } from '../../reader/search-query';

/**
 * Ids of articles (published or not) whose title, excerpt or related titles
 * contain every word, most relevant first, at most `limit`.
 */
export async function matchArticleIds(input: string, limit: number): Promise<number[]> {
  const terms = searchTerms(input);
  if (terms.length === 0) return [];
  const db = getDb();
  const rows =
    getDatabaseProvider() === 'sqlite'
      ? await db.$queryRaw<{ id: number | bigint }[]>`
          SELECT rowid AS id FROM article_search WHERE article_search MATCH ${toFts5Query(terms)}
          ORDER BY bm25(article_search, 10.0, 2.0, 5.0) LIMIT ${limit}`
      : await db.$queryRaw<{ id: number }[]>`
          SELECT "articleId" AS id FROM article_search, to_tsquery('english', ${toTsQuery(terms)}) q
          WHERE document @@ q ORDER BY ts_rank_cd(document, q) DESC LIMIT ${limit}`;
  return rows.map((row) => Number(row.id));
}
