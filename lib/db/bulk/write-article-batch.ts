/**
 * Writes a batch of parsed seed records: new articles are created, changed
 * ones updated, identical ones counted as unchanged. One transaction per
 * batch for speed; if it fails, each article is retried in its own
 * transaction so one bad record is rejected without taking its neighbours
 * down. Either way an article is written whole or not at all.
 *
 * Editors win: once `publishedEditedAt` / `qualityEditedAt` is set, the
 * importer still records what the file says (`filePublished`,
 * `fileQuality`) but never touches `published` / `quality`.
 */
import { contentHash, fromArticleRows, type ArticleRows, type Row, type SourceRef } from '../../front-matter/article-rows';
import {
  ARTICLE_FILE_COLUMNS,
  ARTICLE_INSERT_COLUMNS,
  articleFileValues,
  articleInsertValues,
  editorialFromFile,
  IMAGE_INSERT_COLUMNS,
  imageInsertValues,
  RELATED_INSERT_COLUMNS,
  relatedInsertValues,
  TOPIC_INSERT_COLUMNS,
} from './article-insert-rows';
import { loadStoredArticles } from './load-stored-articles';
import { inList, insertRows, type SqlConnection, type SqlValue } from './sql-connection';

export type Rejection = { filePath: string; errors: string[] };
/** What happened to each file of a batch, by path. */
export type BatchOutcome = {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: Rejection[];
  /**
   * Whether the batch changed anything readers can see: an article that is
   * published before or after the write, or a source's logo. An import that
   * only touched drafts leaves the reader caches alone.
   */
  changedReaderPages: boolean;
};

type Existing = {
  id: number;
  filePath: string;
  fileHash: string | null;
  published: unknown;
  publishedEditedAt: unknown;
  qualityEditedAt: unknown;
};

type SourceIds = Map<string, { id: number; hasLogo: boolean }>;

/** Source and topic ids, loaded once per import and grown as rows are committed. */
export class ReferenceIds {
  readonly sources: SourceIds = new Map();
  readonly topics = new Map<string, number>();

  static async load(sql: SqlConnection): Promise<ReferenceIds> {
    const ids = new ReferenceIds();
    const sources = await sql.query<{ id: number; domain: string; logoUrl: string | null }>(
      'SELECT "id", "domain", "logoUrl" FROM "Source"',
    );
    for (const source of sources) ids.sources.set(source.domain, { id: Number(source.id), hasLogo: source.logoUrl !== null });
    for (const topic of await sql.query<{ id: number; slug: string }>('SELECT "id", "slug" FROM "Topic"')) {
      ids.topics.set(topic.slug, Number(topic.id));
    }
    return ids;
  }
}

/** The first logo the record gives its source, for the source's own row. */
function logoOf(rows: ArticleRows): Row | undefined {
  return rows.images.find((image) => image.role === 'logo' && image.position === 0);
}

/** Creates the sources and topics this batch needs and returns every id it uses. */
async function ensureReferences(sql: SqlConnection, batch: ArticleRows[], ids: ReferenceIds, now: Date) {
  const wanted = new Map<string, SourceRef & { logo?: Row }>();
  for (const rows of batch) {
    if (!wanted.has(rows.source.domain)) wanted.set(rows.source.domain, { ...rows.source, logo: logoOf(rows) });
    for (const link of rows.related) if (link.source && !wanted.has(link.source.domain)) wanted.set(link.source.domain, link.source);
  }
  const missing = [...wanted.values()].filter((source) => !ids.sources.has(source.domain));
  const sourceIds: SourceIds = new Map(ids.sources);
  if (missing.length) {
    await insertRows(
      sql,
      'Source',
      ['domain', 'name', 'logoUrl', 'logoWidth', 'logoHeight', 'createdAt', 'updatedAt'],
      missing.map((source) => [
        source.domain,
        source.name,
        (source.logo?.url as string | undefined) ?? null,
        (source.logo?.width as number | null | undefined) ?? null,
        (source.logo?.height as number | null | undefined) ?? null,
        now,
        now,
      ]),
      { onConflictDoNothing: 'domain' },
    );
    // Another import may have created some of them first: read back every id.
    const found = await sql.query<{ id: number; domain: string; logoUrl: string | null }>(
      `SELECT "id", "domain", "logoUrl" FROM "Source" WHERE "domain" IN (${inList(sql, missing.length)})`,
      missing.map((source) => source.domain),
    );
    for (const source of found) sourceIds.set(source.domain, { id: Number(source.id), hasLogo: source.logoUrl !== null });
  }
  let logosAdded = 0;
  for (const source of wanted.values()) {
    const known = sourceIds.get(source.domain);
    if (known && !known.hasLogo && source.logo) {
      logosAdded++;
      await sql.query(
        `UPDATE "Source" SET "logoUrl" = ${sql.placeholder(1)}, "logoWidth" = ${sql.placeholder(2)}, "logoHeight" = ${sql.placeholder(3)}, "updatedAt" = ${sql.placeholder(4)} WHERE "id" = ${sql.placeholder(5)}`,
        [source.logo.url as string, source.logo.width as number | null, source.logo.height as number | null, now, known.id],
      );
      sourceIds.set(source.domain, { ...known, hasLogo: true });
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
    for (const topic of found) topicIds.set(topic.slug, Number(topic.id));
  }
  return { sourceIds, topicIds, logosAdded };
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
    const sourceId = (domain: string) => required(references.sourceIds, domain, 'source').id;

    const created = await insertRows<{ id: number; filePath: string }>(
      sql,
      'Article',
      ARTICLE_INSERT_COLUMNS,
      creates.map((rows) => articleInsertValues(rows, sourceId(rows.source.domain), now)),
      { returning: ['id', 'filePath'] },
    );
    const idByPath = new Map(created.map((article) => [article.filePath, Number(article.id)]));

    for (const [rows, existing] of updates) {
      idByPath.set(rows.filePath, existing.id);
      const fileValues = articleFileValues(rows, sourceId(rows.source.domain), now);
      const assignments: [string, SqlValue][] = [
        ...ARTICLE_FILE_COLUMNS.map((column, i): [string, SqlValue] => [column, fileValues[i]!]),
        ...editorialFromFile(rows, { published: !existing.publishedEditedAt, quality: !existing.qualityEditedAt }),
      ];
      const set = assignments.map(([column], i) => `"${column}" = ${sql.placeholder(i + 1)}`).join(', ');
      await sql.query(`UPDATE "Article" SET ${set} WHERE "id" = ${sql.placeholder(assignments.length + 1)}`, [
        ...assignments.map(([, value]) => value),
        existing.id,
      ]);
    }
    if (updates.length) {
      const updatedIds = updates.map(([, existing]) => existing.id);
      for (const table of ['ArticleImage', 'ArticleTopic', 'RelatedLink']) {
        await sql.query(`DELETE FROM "${table}" WHERE "articleId" IN (${inList(sql, updatedIds.length)})`, updatedIds);
      }
    }

    const articleId = (rows: ArticleRows) => required(idByPath, rows.filePath, 'article');
    await insertRows(
      sql,
      'ArticleImage',
      IMAGE_INSERT_COLUMNS,
      written.flatMap((rows) => rows.images.map((image) => imageInsertValues(articleId(rows), image))),
    );
    await insertRows(
      sql,
      'ArticleTopic',
      TOPIC_INSERT_COLUMNS,
      written.flatMap((rows) =>
        rows.topics.map((topic) => [articleId(rows), topic.position, required(references.topicIds, topic.slug, 'topic'), topic.label]),
      ),
    );
    await insertRows(
      sql,
      'RelatedLink',
      RELATED_INSERT_COLUMNS,
      written.flatMap((rows) =>
        rows.related.map((link) => relatedInsertValues(articleId(rows), link, link.source ? sourceId(link.source.domain) : null)),
      ),
    );
    return references;
  });
  // Only after commit: a rolled-back batch must not leave ids of rows that do not exist.
  for (const [domain, value] of references.sourceIds) ids.sources.set(domain, value);
  for (const [slug, id] of references.topicIds) ids.topics.set(slug, id);
  return { logosAdded: references.logosAdded };
}

const isTrue = (value: unknown) => value === true || value === 1 || value === 1n;

/** Whether readers see an article after this write: its published flag as the write leaves it. */
function publishedAfter(rows: ArticleRows, existing: Existing | null): boolean {
  if (existing?.publishedEditedAt) return isTrue(existing.published);
  return rows.article.filePublished === true;
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
    stored.map((article) => [
      article.id,
      contentHash(fromArticleRows(article, { editorial: false }), article.article.body as string | null),
    ]),
  );
  const unchanged = candidates.filter(([file, existing]) => storedHash.get(existing.id) === file.contentHash);
  for (const [file, existing] of unchanged) {
    await sql.query(`UPDATE "Article" SET "fileHash" = ${sql.placeholder(1)} WHERE "id" = ${sql.placeholder(2)}`, [
      file.rows.article.fileHash as string,
      existing.id,
    ]);
  }
  return new Set(unchanged.map(([file]) => file.rows.filePath));
}

export async function writeArticleBatch(sql: SqlConnection, batch: ParsedSeedFile[], ids: ReferenceIds): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: [], updated: [], unchanged: [], rejected: [], changedReaderPages: false };
  if (batch.length === 0) return outcome;
  const paths = batch.map((file) => file.rows.filePath);
  const existing = await sql.query<Existing>(
    `SELECT "id", "filePath", "fileHash", "published", "publishedEditedAt", "qualityEditedAt" FROM "Article" WHERE "filePath" IN (${inList(sql, paths.length)})`,
    paths,
  );
  const byPath = new Map(existing.map((article) => [article.filePath, { ...article, id: Number(article.id) }]));
  const creates: ArticleRows[] = [];
  const changed: [ParsedSeedFile, Existing][] = [];
  for (const file of batch) {
    const current = byPath.get(file.rows.filePath);
    if (!current) creates.push(file.rows);
    else if (current.fileHash === file.rows.article.fileHash) outcome.unchanged.push(file.rows.filePath);
    else changed.push([file, current]);
  }
  const sameContent = changed.length ? await keepUnchangedContent(sql, changed) : new Set<string>();
  outcome.unchanged.push(...sameContent);
  const updates = changed
    .filter(([file]) => !sameContent.has(file.rows.filePath))
    .map(([file, current]): [ArticleRows, Existing] => [file.rows, current]);
  if (creates.length + updates.length === 0) return outcome;

  try {
    const { logosAdded } = await writeInTransaction(sql, creates, updates, ids);
    outcome.created.push(...creates.map((rows) => rows.filePath));
    outcome.updated.push(...updates.map(([rows]) => rows.filePath));
    outcome.changedReaderPages =
      logosAdded > 0 ||
      creates.some((rows) => publishedAfter(rows, null)) ||
      updates.some(([rows, current]) => isTrue(current.published) || publishedAfter(rows, current));
  } catch (error) {
    const pending = [...creates, ...updates.map(([rows]) => rows)];
    if (pending.length === 1) {
      outcome.rejected.push({ filePath: pending[0]!.filePath, errors: [`(database): ${describeDatabaseError(error)}`] });
      return outcome;
    }
    // Retried one by one with no content hash: they are known to differ.
    for (const rows of pending) {
      const single = await writeArticleBatch(sql, [{ rows, contentHash: null }], ids);
      outcome.created.push(...single.created);
      outcome.updated.push(...single.updated);
      outcome.unchanged.push(...single.unchanged);
      outcome.rejected.push(...single.rejected);
      outcome.changedReaderPages ||= single.changedReaderPages;
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
