/**
 * Reads articles back in the shape `fromArticleRows` turns into records: for
 * the exporter, and for the importer's check of whether a re-formatted file
 * really changed anything.
 */
import type { JsonObject, StoredArticle, StoredImage } from '../../front-matter/article-rows';
import { asBoolean, asDate, asJson, asNumber, inList, type SqlConnection } from './sql-connection';

export type StoredArticleWithIdentity = StoredArticle & { id: number; sourcePath: string | null };

type Row = Record<string, unknown>;

function groupBy(rows: Row[], key: string): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = Number(row[key]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function image(row: Row): StoredImage {
  return {
    role: String(row.role),
    position: Number(row.position),
    url: String(row.url),
    width: asNumber(row.width),
    height: asNumber(row.height),
    isCached: asBoolean(row.isCached),
    title: text(row.title),
    extra: asJson<JsonObject>(row.extra),
  };
}

export type StoredArticleQuery = { ids: number[] } | { afterId: number; limit: number };

export async function loadStoredArticles(sql: SqlConnection, query: StoredArticleQuery): Promise<StoredArticleWithIdentity[]> {
  const select = `SELECT a.*, p."domain" AS "providerDomain" FROM "Article" a JOIN "Provider" p ON p."id" = a."providerId"`;
  const articles =
    'ids' in query
      ? query.ids.length
        ? await sql.query<Row>(`${select} WHERE a."id" IN (${inList(sql, query.ids.length)}) ORDER BY a."id"`, query.ids)
        : []
      : await sql.query<Row>(`${select} WHERE a."id" > ${sql.placeholder(1)} ORDER BY a."id" LIMIT ${sql.placeholder(2)}`, [
          query.afterId,
          query.limit,
        ]);
  if (articles.length === 0) return [];
  const ids = articles.map((row) => Number(row.id));
  const where = `WHERE "articleId" IN (${inList(sql, ids.length)})`;
  const images = groupBy(await sql.query<Row>(`SELECT * FROM "ArticleImage" ${where}`, ids), 'articleId');
  const topics = groupBy(await sql.query<Row>(`SELECT "articleId", "position", "label" FROM "ArticleTopic" ${where}`, ids), 'articleId');
  const related = groupBy(
    await sql.query<Row>(
      `SELECT r.*, p."domain" AS "providerDomain" FROM "RelatedLink" r LEFT JOIN "Provider" p ON p."id" = r."providerId" WHERE r."articleId" IN (${inList(sql, ids.length)})`,
      ids,
    ),
    'articleId',
  );

  return articles.map((row) => {
    const id = Number(row.id);
    return {
      id,
      sourcePath: text(row.sourcePath),
      category: text(row.category),
      title: String(row.title),
      excerpt: text(row.excerpt),
      publishedAt: asDate(row.publishedAt)!,
      originalUrl: text(row.originalUrl),
      webUrl: text(row.webUrl),
      ampWebUrl: text(row.ampWebUrl),
      cdnAmpWebUrl: text(row.cdnAmpWebUrl),
      type: text(row.type),
      heat: asNumber(row.heat),
      featuredContent: text(row.featuredContent),
      secured: text(row.secured),
      body: text(row.body),
      extra: asJson<JsonObject>(row.extra),
      sourcePublished: asBoolean(row.sourcePublished),
      sourceQuality: asNumber(row.sourceQuality),
      heatRank: Number(row.heatRank),
      trendingRank: Number(row.trendingRank),
      relatedTitles: String(row.relatedTitles ?? ''),
      published: asBoolean(row.published) ?? false,
      quality: asNumber(row.quality),
      publishedEditedAt: asDate(row.publishedEditedAt),
      qualityEditedAt: asDate(row.qualityEditedAt),
      providerName: String(row.providerName),
      providerExtra: asJson<JsonObject>(row.providerExtra),
      provider: { domain: String(row.providerDomain) },
      images: (images.get(id) ?? []).map(image),
      topics: (topics.get(id) ?? []).map((topic) => ({ position: Number(topic.position), label: String(topic.label) })),
      related: (related.get(id) ?? []).map((link) => ({
        position: Number(link.position),
        title: String(link.title),
        excerpt: text(link.excerpt),
        publishedAt: asDate(link.publishedAt),
        webUrl: String(link.webUrl),
        ampWebUrl: text(link.ampWebUrl),
        cdnAmpWebUrl: text(link.cdnAmpWebUrl),
        type: text(link.type),
        quality: asNumber(link.quality),
        providerName: text(link.providerName),
        providerExtra: asJson<JsonObject>(link.providerExtra),
        provider: link.providerDomain === null || link.providerDomain === undefined ? null : { domain: String(link.providerDomain) },
        images: asJson(link.images),
        extra: asJson<JsonObject>(link.extra),
      })),
    };
  });
}
