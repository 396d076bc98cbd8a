/**
 * Writes a batch of parsed seed records: new articles are created, changed
 * ones updated, identical ones counted as unchanged. One transaction per
 * batch for speed; if it fails, each article is retried in its own
 * transaction so one bad record is rejected without taking its neighbours
 * down. Either way an article is written whole or not at all.
 *
 * Editors win: once `publishedEditedAt` / `qualityEditedAt` is set, the
 * seeder still records what the file says (`sourcePublished`,
 * `sourceQuality`) but never touches `published` / `quality`.
 */
import {
  contentHash,
  fromArticleRows,
  type ArticleRows,
  type ImageRow,
  type JsonObject,
  type RelatedProviderRef,
  type RelatedRow,
} from '../../front-matter/article-rows';
import { loadStoredArticles } from './load-stored-articles';
import { qualityRank } from '../../ranking/trending';
import { inList, insertRows, json, type SqlConnection, type SqlValue } from './sql-connection';

export type Rejection = { sourcePath: string; errors: string[] };
export type BatchOutcome = { created: number; updated: number; unchanged: number; rejected: Rejection[] };

type Existing = {
  id: number;
  sourcePath: string;
  sourceHash: string | null;
  publishedEditedAt: unknown;
  qualityEditedAt: unknown;
};

/** Provider and topic ids, loaded once per import and grown as rows are committed. */
export class ReferenceIds {
  readonly providers = new Map<string, { id: number; hasLogo: boolean }>();
  readonly topics = new Map<string, number>();

  static async load(sql: SqlConnection): Promise<ReferenceIds> {
    const ids = new ReferenceIds();
    const providers = await sql.query<{ id: number; domain: string; logoUrl: string | null }>(
      'SELECT "id", "domain", "logoUrl" FROM "Provider"',
    );
    for (const provider of providers) ids.providers.set(provider.domain, { id: provider.id, hasLogo: provider.logoUrl !== null });
    for (const topic of await sql.query<{ id: number; slug: string }>('SELECT "id", "slug" FROM "Topic"')) {
      ids.topics.set(topic.slug, topic.id);
    }
    return ids;
  }
}

const jsonOrNull = (value: JsonObject | null): SqlValue => (value === null ? null : json(value));

/** Columns the source file controls; written on create and on every update. */
const SOURCE_COLUMNS = [
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
  'sourcePublished',
  'sourceQuality',
  'heatRank',
  'trendingRank',
  'relatedTitles',
  'updatedAt',
] as const;

function sourceValues(rows: ArticleRows, providerId: number, now: Date): SqlValue[] {
  const a = rows.article;
  return [
    rows.sourceHash,
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
    jsonOrNull(a.extra),
    providerId,
    rows.provider.name,
    jsonOrNull(rows.provider.extra),
    a.sourcePublished,
    a.sourceQuality,
    a.heatRank,
    a.trendingRank,
    a.relatedTitles,
    now,
  ];
}

const ARTICLE_COLUMNS = [...SOURCE_COLUMNS, 'sourcePath', 'published', 'quality', 'qualityRank', 'version', 'createdAt'] as const;
const IMAGE_COLUMNS = ['role', 'position', 'url', 'width', 'height', 'isCached', 'title', 'extra'] as const;
const imageValues = (image: ImageRow): SqlValue[] => [
  image.role,
  image.position,
  image.url,
  image.width,
  image.height,
  image.isCached,
  image.title,
  jsonOrNull(image.extra),
];
const RELATED_COLUMNS = [
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
] as const;

/** Creates the providers and topics this batch needs and returns every id it uses. */
async function ensureReferences(sql: SqlConnection, batch: ArticleRows[], ids: ReferenceIds, now: Date) {
  const wanted = new Map<string, RelatedProviderRef & { logos?: ImageRow[] }>();
  for (const rows of batch) {
    for (const provider of [rows.provider, ...rows.related.map((link) => link.provider)]) {
      if (provider && !wanted.has(provider.domain)) wanted.set(provider.domain, provider);
    }
  }
  const missing = [...wanted.values()].filter((provider) => !ids.providers.has(provider.domain));
  const providerIds = new Map(ids.providers);
  if (missing.length) {
    await insertRows(
      sql,
      'Provider',
      ['domain', 'name', 'logoUrl', 'logoWidth', 'logoHeight', 'createdAt', 'updatedAt'],
      missing.map((p) => {
        const logo = p.logos?.[0];
        return [p.domain, p.name, logo?.url ?? null, logo?.width ?? null, logo?.height ?? null, now, now];
      }),
      { onConflictDoNothing: 'domain' },
    );
    // Another import may have created some of them first: read back every id.
    const found = await sql.query<{ id: number; domain: string; logoUrl: string | null }>(
      `SELECT "id", "domain", "logoUrl" FROM "Provider" WHERE "domain" IN (${inList(sql, missing.length)})`,
      missing.map((p) => p.domain),
    );
    for (const provider of found) providerIds.set(provider.domain, { id: provider.id, hasLogo: provider.logoUrl !== null });
  }
  for (const provider of wanted.values()) {
    const known = providerIds.get(provider.domain);
    const logo = provider.logos?.[0];
    if (known && !known.hasLogo && logo) {
      await sql.query(
        `UPDATE "Provider" SET "logoUrl" = ${sql.placeholder(1)}, "logoWidth" = ${sql.placeholder(2)}, "logoHeight" = ${sql.placeholder(3)}, "updatedAt" = ${sql.placeholder(4)} WHERE "id" = ${sql.placeholder(5)}`,
        [logo.url, logo.width, logo.height, now, known.id],
      );
      providerIds.set(provider.domain, { ...known, hasLogo: true });
    }
  }

  const topicNames = new Map<string, string>();
  for (const rows of batch) for (const topic of rows.topics) if (!topicNames.has(topic.slug)) topicNames.set(topic.slug, topic.label);
  const missingTopics = [...topicNames].filter(([slug]) => !ids.topics.has(slug));
  const topicIds = new Map(ids.topics);
  if (missingTopics.length) {
    await insertRows(sql, 'Topic', ['slug', 'name'], missingTopics, { onConflictDoNothing: 'slug' });
    const found = await sql.query<{ id: number; slug: string }>(
      `SELECT "id", "slug" FROM "Topic" WHERE "slug" IN (${inList(sql, missingTopics.length)})`,
      missingTopics.map(([slug]) => slug),
    );
    for (const topic of found) topicIds.set(topic.slug, topic.id);
  }
  return { providerIds, topicIds };
}

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`${what} ${String(key)} is missing`);
  return value;
}

async function writeInTransaction(sql: SqlConnection, creates: ArticleRows[], updates: [ArticleRows, Existing][], ids: ReferenceIds) {
  const now = new Date();
  const written = [...creates, ...updates.map(([rows]) => rows)];
  const references = await sql.transaction(async () => {
    const references = await ensureReferences(sql, written, ids, now);
    const providerId = (domain: string) => required(references.providerIds, domain, 'provider').id;

    const created = await insertRows<{ id: number; sourcePath: string }>(
      sql,
      'Article',
      ARTICLE_COLUMNS,
      creates.map((rows) => [
        ...sourceValues(rows, providerId(rows.provider.domain), now),
        rows.sourcePath,
        rows.article.sourcePublished ?? false,
        rows.article.sourceQuality,
        qualityRank(rows.article.sourceQuality),
        1,
        now,
      ]),
      { returning: ['id', 'sourcePath'] },
    );
    const idByPath = new Map(created.map((article) => [article.sourcePath, Number(article.id)]));

    for (const [rows, existing] of updates) {
      idByPath.set(rows.sourcePath, existing.id);
      const columns: string[] = [...SOURCE_COLUMNS];
      const values = sourceValues(rows, providerId(rows.provider.domain), now);
      if (!existing.publishedEditedAt) {
        columns.push('published');
        values.push(rows.article.sourcePublished ?? false);
      }
      if (!existing.qualityEditedAt) {
        columns.push('quality', 'qualityRank');
        values.push(rows.article.sourceQuality, qualityRank(rows.article.sourceQuality));
      }
      const assignments = columns.map((column, i) => `"${column}" = ${sql.placeholder(i + 1)}`).join(', ');
      await sql.query(`UPDATE "Article" SET ${assignments} WHERE "id" = ${sql.placeholder(columns.length + 1)}`, [...values, existing.id]);
    }
    if (updates.length) {
      const updatedIds = updates.map(([, existing]) => existing.id);
      for (const table of ['ArticleImage', 'ArticleTopic', 'RelatedLink']) {
        await sql.query(`DELETE FROM "${table}" WHERE "articleId" IN (${inList(sql, updatedIds.length)})`, updatedIds);
      }
    }

    const articleId = (rows: ArticleRows) => required(idByPath, rows.sourcePath, 'article');
    await insertRows(
      sql,
      'ArticleImage',
      ['articleId', ...IMAGE_COLUMNS],
      written.flatMap((rows) => [...rows.images, ...rows.provider.logos].map((image) => [articleId(rows), ...imageValues(image)])),
    );
    await insertRows(
      sql,
      'ArticleTopic',
      ['articleId', 'position', 'topicId', 'label'],
      written.flatMap((rows) =>
        rows.topics.map((topic) => [articleId(rows), topic.position, required(references.topicIds, topic.slug, 'topic'), topic.label]),
      ),
    );
    const links: [number, RelatedRow][] = written.flatMap((rows) =>
      rows.related.map((link): [number, RelatedRow] => [articleId(rows), link]),
    );
    await insertRows(
      sql,
      'RelatedLink',
      RELATED_COLUMNS,
      links.map(([id, link]) => [
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
        link.provider ? providerId(link.provider.domain) : null,
        link.provider?.name ?? null,
        jsonOrNull(link.provider?.extra ?? null),
        link.images ? json(link.images) : null,
        jsonOrNull(link.extra),
      ]),
    );
    return references;
  });
  // Only after commit: a rolled-back batch must not leave ids of rows that do not exist.
  for (const [domain, value] of references.providerIds) ids.providers.set(domain, value);
  for (const [slug, id] of references.topicIds) ids.topics.set(slug, id);
}

/** A parsed file: its rows, and for a path imported before, the hash of its content. */
export type ParsedSeedFile = { rows: ArticleRows; contentHash: string | null };

/**
 * Files whose bytes changed but whose content did not (an exported file
 * re-imported, a re-indented one) are unchanged: only the stored byte hash
 * moves, so the next run skips them without parsing.
 */
async function keepUnchangedContent(sql: SqlConnection, candidates: [ParsedSeedFile, Existing][]) {
  const stored = await loadStoredArticles(sql, { ids: candidates.map(([, existing]) => existing.id) });
  const storedHash = new Map(
    stored.map((article) => [article.id, contentHash(fromArticleRows(article, { editorial: false }), article.body)]),
  );
  const unchanged = candidates.filter(([file, existing]) => storedHash.get(existing.id) === file.contentHash);
  for (const [file, existing] of unchanged) {
    await sql.query(`UPDATE "Article" SET "sourceHash" = ${sql.placeholder(1)} WHERE "id" = ${sql.placeholder(2)}`, [
      file.rows.sourceHash,
      existing.id,
    ]);
  }
  return new Set(unchanged.map(([file]) => file.rows.sourcePath));
}

export async function writeArticleBatch(sql: SqlConnection, batch: ParsedSeedFile[], ids: ReferenceIds): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  if (batch.length === 0) return outcome;
  const paths = batch.map((file) => file.rows.sourcePath);
  const existing = await sql.query<Existing>(
    `SELECT "id", "sourcePath", "sourceHash", "publishedEditedAt", "qualityEditedAt" FROM "Article" WHERE "sourcePath" IN (${inList(sql, paths.length)})`,
    paths,
  );
  const byPath = new Map(existing.map((article) => [article.sourcePath, { ...article, id: Number(article.id) }]));
  const creates: ArticleRows[] = [];
  const changed: [ParsedSeedFile, Existing][] = [];
  for (const file of batch) {
    const current = byPath.get(file.rows.sourcePath);
    if (!current) creates.push(file.rows);
    else if (current.sourceHash === file.rows.sourceHash) outcome.unchanged++;
    else changed.push([file, current]);
  }
  const sameContent = changed.length ? await keepUnchangedContent(sql, changed) : new Set<string>();
  outcome.unchanged += sameContent.size;
  const updates = changed
    .filter(([file]) => !sameContent.has(file.rows.sourcePath))
    .map(([file, current]): [ArticleRows, Existing] => [file.rows, current]);
  if (creates.length + updates.length === 0) return outcome;

  try {
    await writeInTransaction(sql, creates, updates, ids);
    outcome.created += creates.length;
    outcome.updated += updates.length;
  } catch (error) {
    const pending = [...creates, ...updates.map(([rows]) => rows)];
    if (pending.length === 1) {
      outcome.rejected.push({ sourcePath: pending[0]!.sourcePath, errors: [`(database): ${describeDatabaseError(error)}`] });
      return outcome;
    }
    // Retried one by one with no content hash: they are known to differ.
    for (const rows of pending) {
      const single = await writeArticleBatch(sql, [{ rows, contentHash: null }], ids);
      outcome.created += single.created;
      outcome.updated += single.updated;
      outcome.unchanged += single.unchanged;
      outcome.rejected.push(...single.rejected);
    }
  }
  return outcome;
}

function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .pop() ?? 'the database refused the record'
  );
}
