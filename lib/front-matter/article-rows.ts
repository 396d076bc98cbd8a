/**
 * The mapping between a front-matter record and the relational model, both
 * ways, driven by the field map (article-fields.ts). Known fields become
 * columns and rows; what columns cannot tell apart from absence (unknown
 * keys, explicit nulls, empty lists) is kept in the `extra` JSON of its
 * level, so `fromArticleRows(toArticleRows(r))` is `r`.
 */
import { createHash } from 'node:crypto';
import { heatRank, trendingRank } from '../ranking/trending';
import { ARTICLE_FIELDS, IMAGE_FIELDS, RECORD_KEY_ORDER, RELATED_LINK_FIELDS, type Codec, type ColumnField } from './article-fields';
import { ZArticleFields, ZImage, ZRelatedLink, ZSource, type TArticleFile, type TImage, type TRelatedLink, type TSource } from './schema';
import { slugify } from './slugify';
import { formatIsoDateTime } from './values';

export type JsonObject = Record<string, unknown>;
export type ColumnValue = string | number | boolean | Date | null | JsonObject | unknown[];
/** One row's column values, by column name. */
export type Row = Record<string, ColumnValue>;

export type SourceRef = { domain: string; name: string };

export type TopicRow = { position: number; label: string; slug: string };

/** A related link's columns, and the source whose id the writer looks up. */
export type RelatedRow = { columns: Row; source: SourceRef | null };

/** Everything the importer writes for one record, ready for the database. */
export type ArticleRows = {
  filePath: string;
  /** Every "Article" column the file controls (null when absent), keyed by column. */
  article: Row;
  source: SourceRef;
  /** Lead images, then the source's logos, as "ArticleImage" rows. */
  images: Row[];
  topics: TopicRow[];
  related: RelatedRow[];
};

const KNOWN = {
  article: new Set(Object.keys(ZArticleFields.shape)),
  source: new Set(Object.keys(ZSource.shape)),
  /** A related link's source keeps only name and domain in columns; its logos ride in `sourceExtra`. */
  relatedSource: new Set(['name', 'domain']),
  image: new Set(Object.keys(ZImage.shape)),
  related: new Set(Object.keys(ZRelatedLink.shape)),
};

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * Sets a key as an own property, even `__proto__`: plain assignment of that
 * key would change the object's prototype and lose the value.
 */
function put(target: JsonObject, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Unknown keys, and known keys whose value a column cannot hold (null, []).
 * Keys come out sorted, at every depth, so that equal content serialises to
 * equal JSON (the content hash relies on it).
 */
function extraOf(value: object, known: Set<string>): JsonObject | null {
  const keys = Object.keys(value).filter((key) => {
    const item = (value as JsonObject)[key];
    return !known.has(key) || item === null || isEmptyList(item);
  });
  if (keys.length === 0) return null;
  const extra: JsonObject = {};
  for (const key of keys.sort()) put(extra, key, sortKeysDeep((value as JsonObject)[key]));
  return extra;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    const sorted: JsonObject = {};
    for (const key of Object.keys(value).sort()) put(sorted, key, sortKeysDeep((value as JsonObject)[key]));
    return sorted;
  }
  return value;
}

function encode(codec: Codec, value: unknown): ColumnValue {
  if (value === undefined || value === null) return null;
  return codec === 'dateTime' ? new Date(value as string) : (value as ColumnValue);
}

function decode(codec: Codec, value: ColumnValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  return codec === 'dateTime' ? formatIsoDateTime(value as Date) : value;
}

/** The columns of `fields`, filled from a record mapping. */
function columnsOf(fields: readonly ColumnField[], record: object): Row {
  const row: Row = {};
  for (const entry of fields) row[entry.column] = encode(entry.codec, (record as JsonObject)[entry.key]);
  return row;
}

/** The record keys of `fields`, read back from columns, absent where null. */
function recordOf(fields: readonly ColumnField[], row: Row): [string, unknown][] {
  return fields.map((entry) => [entry.key, decode(entry.codec, row[entry.column])]);
}

function imageRows(images: TImage[] | null | undefined, role: 'lead' | 'logo'): Row[] {
  return (images ?? []).map((image, position) => ({
    role,
    position,
    ...columnsOf(IMAGE_FIELDS, image),
    extra: extraOf(image, KNOWN.image),
  }));
}

function relatedRow(link: TRelatedLink, position: number): RelatedRow {
  return {
    columns: {
      position,
      ...columnsOf(RELATED_LINK_FIELDS, link),
      sourceName: link.provider?.name ?? null,
      sourceExtra: link.provider ? extraOf(link.provider, KNOWN.relatedSource) : null,
      images: link.images?.length ? (sortKeysDeep(link.images) as unknown[]) : null,
      extra: extraOf(link, KNOWN.related),
    },
    source: link.provider ? { domain: link.provider.domain, name: link.provider.name } : null,
  };
}

/** JSON with object keys sorted at every depth. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

/**
 * Identifies the content of a record whatever the file's formatting or key
 * order: a re-import compares it when a file's bytes changed, to tell a
 * reformatted file (an export, say) from a real edit.
 */
export function contentHash(record: TArticleFile, body: string | null): string {
  return createHash('sha256')
    .update(stableStringify([record, body]))
    .digest('base64url');
}

/** `fileHash` identifies the file's bytes, so a re-import can skip unchanged files unparsed. */
export function toArticleRows(record: TArticleFile, body: string | null, filePath: string, fileHash: string): ArticleRows {
  const related = (record.related ?? []).map(relatedRow);
  const source: TSource = record.provider;
  return {
    filePath,
    article: {
      ...columnsOf(ARTICLE_FIELDS, record),
      fileHash,
      body,
      extra: extraOf(record, KNOWN.article),
      sourceName: source.name,
      sourceExtra: extraOf(source, KNOWN.source),
      heatRank: heatRank(record.heat),
      trendingRank: trendingRank(record.heat, new Date(record.publishedDateTime)),
      relatedTitles: related.map((link) => link.columns.title).join('\n'),
    },
    source: { domain: source.domain, name: source.name },
    images: [...imageRows(record.images, 'lead'), ...imageRows(source.images, 'logo')],
    topics: (record.topics ?? []).map((label, position) => ({ position, label, slug: slugify(label, 60) || 'topic' })),
    related,
  };
}

// ---------------------------------------------------------------------------
// Back to the format

/** What the exporter reads for one article: its columns and its rows, decoded. */
export type StoredArticle = {
  /** Every "Article" column. */
  article: Row;
  sourceDomain: string;
  images: Row[];
  topics: { position: number; label: string }[];
  related: (Row & { sourceDomain: string | null })[];
};

/** Builds an object without the keys whose value is null, in the given order. */
function compact(entries: [string, unknown][]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) if (value !== null && value !== undefined) put(out, key, value);
  return out;
}

function withExtra(known: JsonObject, extra: unknown): JsonObject {
  if (!extra || typeof extra !== 'object') return known;
  for (const key of Object.keys(extra)) put(known, key, (extra as JsonObject)[key]);
  return known;
}

function imagesOf(images: Row[], role: string): JsonObject[] | null {
  const matching = images.filter((image) => image.role === role).sort((a, b) => Number(a.position) - Number(b.position));
  if (matching.length === 0) return null;
  return matching.map((image) => withExtra(compact(recordOf(IMAGE_FIELDS, image)), image.extra));
}

function sourceOf(name: unknown, domain: string, extra: unknown, logos: JsonObject[] | null): JsonObject {
  return withExtra(
    compact([
      ['name', name],
      ['domain', domain],
      ['images', logos],
    ]),
    extra,
  );
}

/**
 * The record an export writes. With `editorial` (the default), `published`
 * and `quality` carry the editors' values once an editor has set them, and
 * otherwise exactly what the file said (absent stays absent); without it,
 * always what the file said: the record as last imported.
 */
export function fromArticleRows(stored: StoredArticle, { editorial = true } = {}): TArticleFile {
  const { article } = stored;
  const keys = new Map<string, unknown>(recordOf(ARTICLE_FIELDS, article));
  if (editorial && article.publishedEditedAt) keys.set('published', article.published);
  if (editorial && article.qualityEditedAt) keys.set('quality', article.quality);
  const related = [...stored.related]
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((link) => {
      const source =
        link.sourceDomain !== null && link.sourceName !== null
          ? sourceOf(link.sourceName, link.sourceDomain, link.sourceExtra, null)
          : null;
      const fields = recordOf(RELATED_LINK_FIELDS, link);
      // `provider` and `images` sit where producers write them: after `type`, around `quality`.
      const at = fields.findIndex(([key]) => key === 'quality');
      fields.splice(at, 0, ['provider', source]);
      fields.push(['images', Array.isArray(link.images) && link.images.length > 0 ? link.images : null]);
      return withExtra(compact(fields), link.extra);
    });
  const topics = [...stored.topics].sort((a, b) => a.position - b.position).map((topic) => topic.label);
  keys.set('provider', sourceOf(article.sourceName, stored.sourceDomain, article.sourceExtra, imagesOf(stored.images, 'logo')));
  keys.set('topics', topics.length > 0 ? topics : null);
  keys.set('images', imagesOf(stored.images, 'lead'));
  keys.set('related', related.length > 0 ? related : null);
  const record = withExtra(compact(RECORD_KEY_ORDER.map((key) => [key, keys.get(key)])), article.extra);
  return record as TArticleFile;
}
