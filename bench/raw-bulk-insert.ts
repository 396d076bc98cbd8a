/**
 * The benchmark's baseline: the same rows the seeder writes, already parsed,
 * inserted straight through the driver with ids assigned up front — no
 * change detection, no lookups, no parsing. What the database itself costs.
 */
import {
  ARTICLE_INSERT_COLUMNS,
  articleInsertValues,
  IMAGE_INSERT_COLUMNS,
  imageInsertValues,
  RELATED_INSERT_COLUMNS,
  relatedInsertValues,
  TOPIC_INSERT_COLUMNS,
} from '../lib/db/bulk/article-insert-rows';
import type { SqlConnection, SqlValue } from '../lib/db/bulk/sql-connection';
import type { ArticleRows } from '../lib/front-matter/article-rows';

/** Articles per slice and per transaction. */
export const RAW_SLICE = 10_000;

/**
 * Takes rows a slice at a time (a million parsed articles do not fit in
 * memory), one transaction per slice; sources and topics get their ids the
 * first time a slice mentions them.
 */
export class RawBulkInserter {
  private readonly sources = new Map<string, number>();
  private readonly topics = new Map<string, number>();
  private nextArticleId = 1;
  private readonly now = new Date();

  constructor(private readonly sql: SqlConnection) {}

  async insert(slice: ArticleRows[]): Promise<void> {
    const { sql, sources, topics, now } = this;
    const newSources: SqlValue[][] = [];
    const newTopics: SqlValue[][] = [];
    for (const article of slice) {
      for (const source of [article.source, ...article.related.map((link) => link.source)]) {
        if (source && !sources.has(source.domain)) {
          sources.set(source.domain, sources.size + 1);
          newSources.push([sources.size, source.domain, source.name, now, now]);
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
      await sql.insertMany('Source', ['id', 'domain', 'name', 'createdAt', 'updatedAt'], newSources, {});
      await sql.insertMany('Topic', ['id', 'slug', 'name'], newTopics, {});
      const articles: SqlValue[][] = [];
      const images: SqlValue[][] = [];
      const topicLinks: SqlValue[][] = [];
      const related: SqlValue[][] = [];
      slice.forEach((row, index) => {
        const id = firstId + index;
        articles.push([id, ...articleInsertValues(row, sources.get(row.source.domain)!, now)]);
        for (const image of row.images) images.push(imageInsertValues(id, image));
        for (const topic of row.topics) topicLinks.push([id, topic.position, topics.get(topic.slug)!, topic.label]);
        for (const link of row.related) related.push(relatedInsertValues(id, link, link.source ? sources.get(link.source.domain)! : null));
      });
      await sql.insertMany('Article', ['id', ...ARTICLE_INSERT_COLUMNS], articles, {});
      await sql.insertMany('ArticleImage', IMAGE_INSERT_COLUMNS, images, {});
      await sql.insertMany('ArticleTopic', TOPIC_INSERT_COLUMNS, topicLinks, {});
      await sql.insertMany('RelatedLink', RELATED_INSERT_COLUMNS, related, {});
    });
  }

  async finish(): Promise<void> {
    const { sql } = this;
    if (sql.engine !== 'postgresql') return;
    // Ids were given explicitly: move the sequences past them, as a real import would leave them.
    for (const table of ['Article', 'Source', 'Topic']) {
      await sql.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
    }
  }
}
