/**
 * Reads articles back in the shape `fromArticleRows` turns into records: for
 * the exporter, and for the importer's check of whether a re-formatted file
 * really changed anything. Columns are decoded by the field map's codecs.
 */
import { ARTICLE_COLUMNS, ARTICLE_IMAGE_COLUMNS, RELATED_LINK_COLUMNS, codecsOf, type Codec } from '../../front-matter/article-fields';
import type { ColumnValue, Row, StoredArticle } from '../../front-matter/article-rows';
import { asBoolean, asDate, asJson, asNumber, inList, type SqlConnection } from './sql-connection';

export type StoredArticleWithIdentity = StoredArticle & { id: number; filePath: string | null };

type RawRow = Record<string, unknown>;

const DECODERS: Record<Codec, (value: unknown) => ColumnValue> = {
  text: (value) => (value === null || value === undefined ? null : String(value)),
  number: asNumber,
  boolean: asBoolean,
  dateTime: asDate,
  json: (value) => asJson<ColumnValue>(value),
};

function decoderFor(codecs: Record<string, Codec>) {
  const entries = Object.entries(codecs);
  return (raw: RawRow): Row => Object.fromEntries(entries.map(([column, codec]) => [column, DECODERS[codec](raw[column])]));
}

const decodeArticle = decoderFor(codecsOf(ARTICLE_COLUMNS));
const decodeImage = decoderFor(codecsOf(ARTICLE_IMAGE_COLUMNS));
const decodeRelated = decoderFor(codecsOf(RELATED_LINK_COLUMNS));

function groupBy(rows: RawRow[], key: string): Map<number, RawRow[]> {
  const groups = new Map<number, RawRow[]>();
  for (const row of rows) {
    const id = Number(row[key]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

export type StoredArticleQuery = { ids: number[] } | { afterId: number; limit: number };

export async function loadStoredArticles(sql: SqlConnection, query: StoredArticleQuery): Promise<StoredArticleWithIdentity[]> {
  const select = `SELECT a.*, s."domain" AS "sourceDomain" FROM "Article" a JOIN "Source" s ON s."id" = a."sourceId"`;
  const articles =
    'ids' in query
      ? query.ids.length
        ? await sql.query<RawRow>(`${select} WHERE a."id" IN (${inList(sql, query.ids.length)}) ORDER BY a."id"`, query.ids)
        : []
      : await sql.query<RawRow>(`${select} WHERE a."id" > ${sql.placeholder(1)} ORDER BY a."id" LIMIT ${sql.placeholder(2)}`, [
          query.afterId,
          query.limit,
        ]);
  if (articles.length === 0) return [];
  const ids = articles.map((row) => Number(row.id));
  const where = `WHERE "articleId" IN (${inList(sql, ids.length)})`;
  const images = groupBy(await sql.query<RawRow>(`SELECT * FROM "ArticleImage" ${where}`, ids), 'articleId');
  const topics = groupBy(await sql.query<RawRow>(`SELECT "articleId", "position", "label" FROM "ArticleTopic" ${where}`, ids), 'articleId');
  const related = groupBy(
    await sql.query<RawRow>(
      `SELECT r.*, s."domain" AS "sourceDomain" FROM "RelatedLink" r LEFT JOIN "Source" s ON s."id" = r."sourceId" WHERE r."articleId" IN (${inList(sql, ids.length)})`,
      ids,
    ),
    'articleId',
  );

  return articles.map((row) => {
    const id = Number(row.id);
    return {
      id,
      filePath: textOrNull(row.filePath),
      article: decodeArticle(row),
      sourceDomain: String(row.sourceDomain),
      images: (images.get(id) ?? []).map(decodeImage),
      topics: (topics.get(id) ?? []).map((topic) => ({ position: Number(topic.position), label: String(topic.label) })),
      related: (related.get(id) ?? []).map((link) => ({ ...decodeRelated(link), sourceDomain: textOrNull(link.sourceDomain) })),
    };
  });
}
