/**
 * npm run bench:explain -- --url <DATABASE_URL>
 *
 * The query plans behind every index: each reader and desk query the indexes
 * exist for, with what the database does for it (EXPLAIN QUERY PLAN on
 * SQLite, EXPLAIN on PostgreSQL). docs/performance.md quotes the output.
 */
import { parseArgs } from 'node:util';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
if (!values.url) throw new Error('usage: npm run bench:explain -- --url <DATABASE_URL>');
const sql = await openSqlConnection(values.url);
const sqlite = sql.engine === 'sqlite';
const yes = sqlite ? '1' : 'true';

const queries: Record<string, string> = {
  'Latest river / feeds: (published, publishedAt, id)': `SELECT "id" FROM "Article" WHERE "published" = ${yes} AND "publishedAt" <= '2025-01-01' ORDER BY "publishedAt" DESC, "id" DESC LIMIT 31`,
  'Top river: (published, qualityRank, publishedAt, id)': `SELECT "id" FROM "Article" WHERE "published" = ${yes} ORDER BY "qualityRank" DESC, "publishedAt" DESC, "id" DESC LIMIT 31`,
  'Trending river: (published, trendingRank, id)': `SELECT "id" FROM "Article" WHERE "published" = ${yes} ORDER BY "trendingRank" DESC, "id" DESC LIMIT 31`,
  'Source page: (sourceId, published, publishedAt)': `SELECT "id" FROM "Article" WHERE "published" = ${yes} AND "sourceId" = 7 ORDER BY "publishedAt" DESC, "id" DESC LIMIT 31`,
  'Topic page: ArticleTopic (topicId, articleId)': `SELECT a."id" FROM "Article" a WHERE a."published" = ${yes} AND a."id" IN (SELECT "articleId" FROM "ArticleTopic" WHERE "topicId" = 3) ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 31`,
  'Related coverage of a page of stories: RelatedLink (articleId, position)': `SELECT * FROM "RelatedLink" WHERE "articleId" IN (1, 2, 3) ORDER BY "articleId", "position"`,
  'Lead images: ArticleImage (articleId, role, position)': `SELECT * FROM "ArticleImage" WHERE "articleId" IN (1, 2, 3) AND "role" = 'lead'`,
  'Desk, all articles newest first: (publishedAt)': `SELECT "id" FROM "Article" ORDER BY "publishedAt" DESC, "id" DESC LIMIT 50`,
  'Desk, recently changed first: (updatedAt)': `SELECT "id" FROM "Article" ORDER BY "updatedAt" DESC, "id" DESC LIMIT 50`,
  'Desk, by headline: (title, id), PostgreSQL only': `SELECT "id" FROM "Article" ORDER BY "title" ASC, "id" ASC LIMIT 50`,
  'Desk, by source: (sourceName, id), PostgreSQL only': `SELECT "id" FROM "Article" ORDER BY "sourceName" ASC, "id" ASC LIMIT 50`,
  'Desk, by quality: (qualityRank, id), PostgreSQL only': `SELECT "id" FROM "Article" ORDER BY "qualityRank" DESC, "id" DESC LIMIT 50`,
  'Desk, quality range: (qualityRank, id), PostgreSQL only': `SELECT COUNT(*) FROM "Article" WHERE "qualityRank" >= 100 AND "qualityRank" <= 150`,
  'Desk, by heat: (heatRank, id), PostgreSQL only': `SELECT "id" FROM "Article" ORDER BY "heatRank" DESC, "id" DESC LIMIT 50`,
  'Importer identity: filePath (unique)': `SELECT "id", "fileHash" FROM "Article" WHERE "filePath" IN ('0000/0000001.md', '0000/0000002.md')`,
  'History of an article: ArticleChange (articleId, createdAt)': `SELECT * FROM "ArticleChange" WHERE "articleId" = 1 ORDER BY "createdAt" DESC`,
  'Undo a bulk change: ArticleChange (batchId)': `SELECT * FROM "ArticleChange" WHERE "batchId" = 'x'`,
  'Search: full-text index': sqlite
    ? `SELECT rowid FROM article_search WHERE article_search MATCH '"climate" "energy"*' ORDER BY rowid DESC LIMIT 1 OFFSET 1999`
    : `SELECT "articleId" FROM article_search WHERE document @@ to_tsquery('english', 'climate & energy:*') ORDER BY "articleId" DESC OFFSET 1999 LIMIT 1`,
};

for (const [name, query] of Object.entries(queries)) {
  const plan = sqlite
    ? (await sql.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`)).map((row) => row.detail)
    : (await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`)).map((row) => row['QUERY PLAN']);
  console.log(`\n${name}\n${plan.map((line) => `  ${line}`).join('\n')}`);
}
await sql.close();
