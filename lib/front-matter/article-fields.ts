/**
 * Each field of an article, described once: its key in a seed record, the
 * column that stores it, how the value is encoded there, and the zod schema
 * that validates it. The format's schema (schema.ts), the mapping to rows and
 * back (article-rows.ts), the bulk writer and loader (lib/db/bulk) and the
 * benchmark's raw insert are all derived from these lists, so adding a field
 * is one line here plus a migration. `article-fields.test.ts` fails when the
 * Prisma schema has a column that no list accounts for.
 */
import type { z } from 'zod';
import { int32, integer, LIMITS, nonEmptyText, text, ZBoolean, ZDateTime, ZHttpUrl, ZOptionalHttpUrl } from './values';

/** How a column holds a record's value. */
export type Codec = 'text' | 'number' | 'boolean' | 'dateTime' | 'json';

/** A record key stored in one column of its own. */
export type ColumnField = { key: string; column: string; codec: Codec; schema: z.ZodType };

function field<K extends string, C extends string, S extends z.ZodType>(key: K, column: C, codec: Codec, schema: S) {
  return { key, column, codec, schema } as const;
}

const ZDimension = integer(0, 100_000);
/**
 * Scores as producers write them: any whole number, negative "not computed"
 * sentinels included (`heat: -1`); see lib/ranking/score.ts.
 */
export const ZScore = int32();

export const IMAGE_FIELDS = [
  field('url', 'url', 'text', ZHttpUrl),
  field('width', 'width', 'number', ZDimension.nullish()),
  field('height', 'height', 'number', ZDimension.nullish()),
  field('isCached', 'isCached', 'boolean', ZBoolean.nullish()),
  field('title', 'title', 'text', text(LIMITS.title).nullish()),
] as const;

/** A record's `provider` mapping: the source (outlet) of an article or of a related link. */
export const SOURCE_FIELDS = {
  name: nonEmptyText(),
  domain: nonEmptyText().regex(/^[^\s/]+$/, { error: 'must be a bare domain such as example.com' }),
} as const;

export const RELATED_LINK_FIELDS = [
  field('title', 'title', 'text', nonEmptyText(LIMITS.title)),
  field('excerpt', 'excerpt', 'text', text(LIMITS.excerpt).nullish()),
  field('publishedDateTime', 'publishedAt', 'dateTime', ZDateTime.nullish()),
  field('webUrl', 'webUrl', 'text', ZHttpUrl),
  field('ampWebUrl', 'ampWebUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('cdnAmpWebUrl', 'cdnAmpWebUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('type', 'type', 'text', text().nullish()),
  field('quality', 'quality', 'number', ZScore.nullish()),
] as const;

/**
 * The article's own columns, in the order an export writes the keys; the
 * structured keys (`provider`, `topics`, `images`, `related`) sit between
 * `published` and `featuredContent` (see RECORD_KEY_ORDER).
 */
export const ARTICLE_FIELDS = [
  field('category', 'category', 'text', text().nullish()),
  field('title', 'title', 'text', nonEmptyText(LIMITS.title)),
  field('excerpt', 'excerpt', 'text', text(LIMITS.excerpt).nullish()),
  field('publishedDateTime', 'publishedAt', 'dateTime', ZDateTime),
  field('originalUrl', 'originalUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('webUrl', 'webUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('ampWebUrl', 'ampWebUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('cdnAmpWebUrl', 'cdnAmpWebUrl', 'text', ZOptionalHttpUrl.nullish()),
  field('type', 'type', 'text', text().nullish()),
  // What the file says; editors' values live in `quality` / `published`.
  field('quality', 'fileQuality', 'number', ZScore.nullish()),
  field('heat', 'heat', 'number', ZScore.nullish()),
  field('published', 'filePublished', 'boolean', ZBoolean.nullish()),
  // Raw HTML and an opaque token: stored verbatim, never rendered or interpreted.
  field('featuredContent', 'featuredContent', 'text', text(LIMITS.html).nullish()),
  field('secured', 'secured', 'text', text(LIMITS.token).nullish()),
] as const;

/** The order of a record's keys on export (the producers' own order). */
export const RECORD_KEY_ORDER = [
  'category',
  'title',
  'excerpt',
  'publishedDateTime',
  'originalUrl',
  'webUrl',
  'ampWebUrl',
  'cdnAmpWebUrl',
  'type',
  'quality',
  'heat',
  'published',
  'provider',
  'topics',
  'images',
  'related',
  'featuredContent',
  'secured',
] as const;

/** Column → codec for the columns that record fields fill. */
function recordColumns(fields: readonly ColumnField[]): Record<string, Codec> {
  return Object.fromEntries(fields.map((entry) => [entry.column, entry.codec]));
}

/**
 * Every column of each table an import writes, with its codec, grouped by
 * what fills it. Record fields come from the lists above; the rest are named
 * here. The loader decodes raw rows by these codecs.
 */
export const ARTICLE_COLUMNS = {
  fromRecord: recordColumns(ARTICLE_FIELDS),
  /** Written by the importer from the file, beside the record's own fields. */
  fromFile: {
    fileHash: 'text',
    body: 'text',
    extra: 'json',
    sourceName: 'text',
    sourceExtra: 'json',
    heatRank: 'number',
    trendingRank: 'number',
    relatedTitles: 'text',
  },
  /** Filled from the database's ids when the rows are written. */
  references: { sourceId: 'number' },
  identity: { filePath: 'text' },
  /** Editors' state: seeded from the file on create, then theirs. */
  editorial: {
    published: 'boolean',
    quality: 'number',
    qualityRank: 'number',
    publishedEditedAt: 'dateTime',
    qualityEditedAt: 'dateTime',
    version: 'number',
    // The schedule is the editors' alone: the seed format has no such fields.
    publishAt: 'dateTime',
    unpublishAt: 'dateTime',
  },
  /** Story clustering's, written after the import (lib/db/bulk/assign-article-stories.ts); never exported. */
  stories: { storyId: 'number', storyKey: 'text', pinnedStoryId: 'number' },
  database: { id: 'number', createdAt: 'dateTime', updatedAt: 'dateTime' },
} as const satisfies Record<string, Record<string, Codec>>;

export const RELATED_LINK_COLUMNS = {
  fromRecord: recordColumns(RELATED_LINK_FIELDS),
  fromFile: { sourceName: 'text', sourceExtra: 'json', images: 'json', extra: 'json' },
  references: { sourceId: 'number' },
  database: { id: 'number', articleId: 'number', position: 'number' },
} as const satisfies Record<string, Record<string, Codec>>;

export const ARTICLE_IMAGE_COLUMNS = {
  fromRecord: recordColumns(IMAGE_FIELDS),
  fromFile: { role: 'text', extra: 'json' },
  database: { id: 'number', articleId: 'number', position: 'number' },
} as const satisfies Record<string, Record<string, Codec>>;

/** Every column of a table with its codec. */
export function codecsOf(table: Record<string, Record<string, Codec>>): Record<string, Codec> {
  return Object.assign({}, ...Object.values(table));
}
