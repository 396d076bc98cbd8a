/**
 * The benchmark's baseline: the same rows the seeder writes, already parsed,
 * inserted straight through the driver with ids assigned up front — no
 * change detection, no lookups, no parsing. What the database itself costs.
 */
import type { ArticleRows } from '../lib/front-matter/article-rows';
import { qualityRank } from '../lib/ranking/trending';
import { json, type SqlConnection, type SqlValue } from '../lib/seed/sql-connection';

const PER_TRANSACTION = 10_000;
const nullableJson = (value: unknown) => (value === null || value === undefined ? null : json(value));

export async function rawBulkInsert(sql: SqlConnection, rows: ArticleRows[]): Promise<void> {
  const now = new Date();
  const providers = new Map<string, { id: number; name: string }>();
  const topics = new Map<string, { id: number; name: string }>();
  for (const article of rows) {
    for (const provider of [article.provider, ...article.related.map((link) => link.provider)]) {
      if (provider && !providers.has(provider.domain)) providers.set(provider.domain, { id: providers.size + 1, name: provider.name });
    }
    for (const topic of article.topics) if (!topics.has(topic.slug)) topics.set(topic.slug, { id: topics.size + 1, name: topic.label });
  }
  await sql.transaction(async () => {
    await sql.insertMany('Provider', ['id', 'domain', 'name', 'createdAt', 'updatedAt'], [...providers].map(([domain, p]) => [p.id, domain, p.name, now, now]), {});
    await sql.insertMany('Topic', ['id', 'slug', 'name'], [...topics].map(([slug, t]) => [t.id, slug, t.name]), {});
  });
  for (let start = 0; start < rows.length; start += PER_TRANSACTION) {
    const slice = rows.slice(start, start + PER_TRANSACTION);
    await sql.transaction(async () => {
      const articles: SqlValue[][] = [];
      const images: SqlValue[][] = [];
      const topicLinks: SqlValue[][] = [];
      const related: SqlValue[][] = [];
      slice.forEach((row, index) => {
        const id = start + index + 1;
        const a = row.article;
        articles.push([
          id, row.sourcePath, row.sourceHash, a.category, a.title, a.excerpt, a.publishedAt, a.originalUrl, a.webUrl, a.ampWebUrl,
          a.cdnAmpWebUrl, a.type, a.heat, a.featuredContent, a.secured, a.body, nullableJson(a.extra), providers.get(row.provider.domain)!.id,
          row.provider.name, nullableJson(row.provider.extra), a.sourcePublished ?? false, a.sourceQuality, a.sourcePublished, a.sourceQuality,
          qualityRank(a.sourceQuality), a.trendingRank, a.relatedTitles, 1, now, now,
        ]);
        for (const image of [...row.images, ...row.provider.logos]) {
          images.push([id, image.role, image.position, image.url, image.width, image.height, image.isCached, image.title, nullableJson(image.extra)]);
        }
        for (const topic of row.topics) topicLinks.push([id, topic.position, topics.get(topic.slug)!.id, topic.label]);
        for (const link of row.related) {
          related.push([
            id, link.position, link.title, link.excerpt, link.publishedAt, link.webUrl, link.ampWebUrl, link.cdnAmpWebUrl, link.type, link.quality,
            link.provider ? providers.get(link.provider.domain)!.id : null, link.provider?.name ?? null, nullableJson(link.provider?.extra),
            nullableJson(link.images), nullableJson(link.extra),
          ]);
        }
      });
      await sql.insertMany(
        'Article',
        ['id', 'sourcePath', 'sourceHash', 'category', 'title', 'excerpt', 'publishedAt', 'originalUrl', 'webUrl', 'ampWebUrl', 'cdnAmpWebUrl', 'type', 'heat',
          'featuredContent', 'secured', 'body', 'extra', 'providerId', 'providerName', 'providerExtra', 'published', 'quality', 'sourcePublished',
          'sourceQuality', 'qualityRank', 'trendingRank', 'relatedTitles', 'version', 'createdAt', 'updatedAt'],
        articles,
        {},
      );
      await sql.insertMany('ArticleImage', ['articleId', 'role', 'position', 'url', 'width', 'height', 'isCached', 'title', 'extra'], images, {});
      await sql.insertMany('ArticleTopic', ['articleId', 'position', 'topicId', 'label'], topicLinks, {});
      await sql.insertMany(
        'RelatedLink',
        ['articleId', 'position', 'title', 'excerpt', 'publishedAt', 'webUrl', 'ampWebUrl', 'cdnAmpWebUrl', 'type', 'quality', 'providerId', 'providerName', 'providerExtra', 'images', 'extra'],
        related,
        {},
      );
    });
  }
  if (sql.provider === 'postgresql') {
    // Ids were given explicitly: move the sequences past them, as a real import would leave them.
    for (const table of ['Article', 'Provider', 'Topic']) {
      await sql.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
    }
  }
}
