/**
 * The benchmark's baseline: the same rows the seeder writes, already parsed,
 * inserted straight through the driver with ids assigned up front — no
 * change detection, no lookups, no parsing. What the database itself costs.
 */
import type { ArticleRows } from '../lib/front-matter/article-rows';
import { qualityRank } from '../lib/ranking/trending';
import { json, type SqlConnection, type SqlValue } from '../lib/db/bulk/sql-connection';

/** Articles per slice and per transaction. */
export const RAW_SLICE = 10_000;
const nullableJson = (value: unknown) => (value === null || value === undefined ? null : json(value));

/**
 * Takes rows a slice at a time (a million parsed articles do not fit in
 * memory), one transaction per slice; providers and topics get their ids the
 * first time a slice mentions them.
 */
export class RawBulkInserter {
  private readonly providers = new Map<string, number>();
  private readonly topics = new Map<string, number>();
  private nextArticleId = 1;
  private readonly now = new Date();

  constructor(private readonly sql: SqlConnection) {}

  async insert(slice: ArticleRows[]): Promise<void> {
    const { sql, providers, topics, now } = this;
    const newProviders: SqlValue[][] = [];
    const newTopics: SqlValue[][] = [];
    for (const article of slice) {
      for (const provider of [article.provider, ...article.related.map((link) => link.provider)]) {
        if (provider && !providers.has(provider.domain)) {
          providers.set(provider.domain, providers.size + 1);
          newProviders.push([providers.size, provider.domain, provider.name, now, now]);
        }
      }
      for (const topic of article.topics) {
        if (!topics.has(topic.slug)) {
          topics.set(topic.slug, topics.size + 1);
          newTopics.push([topics.size, topic.slug, topic.label]);
        }
      }
    }
    const firstId = this.nextArticleId;
    this.nextArticleId += slice.length;
    await sql.transaction(async () => {
      await sql.insertMany('Provider', ['id', 'domain', 'name', 'createdAt', 'updatedAt'], newProviders, {});
      await sql.insertMany('Topic', ['id', 'slug', 'name'], newTopics, {});
      const articles: SqlValue[][] = [];
      const images: SqlValue[][] = [];
      const topicLinks: SqlValue[][] = [];
      const related: SqlValue[][] = [];
      slice.forEach((row, index) => {
        const id = firstId + index;
        const a = row.article;
        articles.push([
          id,
          row.sourcePath,
          row.sourceHash,
          a.category,
          a.title,
          a.excerpt,
          a.publishedAt,
          a.originalUrl,
          a.webUrl,
          a.ampWebUrl,
          a.cdnAmpWebUrl,
          a.type,
          a.heat,
          a.featuredContent,
          a.secured,
          a.body,
          nullableJson(a.extra),
          providers.get(row.provider.domain)!,
          row.provider.name,
          nullableJson(row.provider.extra),
          a.sourcePublished ?? false,
          a.sourceQuality,
          a.sourcePublished,
          a.sourceQuality,
          qualityRank(a.sourceQuality),
          a.heatRank,
          a.trendingRank,
          a.relatedTitles,
          1,
          now,
          now,
        ]);
        for (const image of [...row.images, ...row.provider.logos]) {
          images.push([
            id,
            image.role,
            image.position,
            image.url,
            image.width,
            image.height,
            image.isCached,
            image.title,
            nullableJson(image.extra),
          ]);
        }
        for (const topic of row.topics) topicLinks.push([id, topic.position, topics.get(topic.slug)!, topic.label]);
        for (const link of row.related) {
          related.push([
            id,
            link.position,
            link.title,
            link.excerpt,
            link.publishedAt,
            link.webUrl,
            link.ampWebUrl,
            link.cdnAmpWebUrl,
            link.type,
            link.quality,
            link.provider ? providers.get(link.provider.domain)! : null,
            link.provider?.name ?? null,
            nullableJson(link.provider?.extra),
            nullableJson(link.images),
            nullableJson(link.extra),
          ]);
        }
      });
      await sql.insertMany(
        'Article',
        [
          'id',
          'sourcePath',
          'sourceHash',
          'category',
          'title',
          'excerpt',
          'publishedAt',
          'originalUrl',
          'webUrl',
          'ampWebUrl',
          'cdnAmpWebUrl',
          'type',
          'heat',
          'featuredContent',
          'secured',
          'body',
          'extra',
          'providerId',
          'providerName',
          'providerExtra',
          'published',
          'quality',
          'sourcePublished',
          'sourceQuality',
          'qualityRank',
          'heatRank',
          'trendingRank',
          'relatedTitles',
          'version',
          'createdAt',
          'updatedAt',
        ],
        articles,
        {},
      );
      await sql.insertMany(
        'ArticleImage',
        ['articleId', 'role', 'position', 'url', 'width', 'height', 'isCached', 'title', 'extra'],
        images,
        {},
      );
      await sql.insertMany('ArticleTopic', ['articleId', 'position', 'topicId', 'label'], topicLinks, {});
      await sql.insertMany(
        'RelatedLink',
        [
          'articleId',
          'position',
          'title',
          'excerpt',
          'publishedAt',
          'webUrl',
          'ampWebUrl',
          'cdnAmpWebUrl',
          'type',
          'quality',
          'providerId',
          'providerName',
          'providerExtra',
          'images',
          'extra',
        ],
        related,
        {},
      );
    });
  }

  async finish(): Promise<void> {
    const { sql } = this;
    if (sql.provider !== 'postgresql') return;
    // Ids were given explicitly: move the sequences past them, as a real import would leave them.
    for (const table of ['Article', 'Provider', 'Topic']) {
      await sql.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
    }
  }
}
