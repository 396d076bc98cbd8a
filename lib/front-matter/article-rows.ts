/**
 * The mapping between a front-matter record and the relational model, both
 * ways. Known fields become columns and rows; what columns cannot tell apart
 * from absence (unknown keys, explicit nulls, empty lists) is kept in the
 * `extra` JSON of its level, so `fromArticleRows(toArticleRows(r))` is `r`.
 */
import { createHash } from 'node:crypto';
import { heatRank, qualityRank, trendingRank } from '../ranking/trending';
import {
  ZArticleFields,
  ZImage,
  ZProvider,
  ZRelatedLink,
  formatIsoDateTime,
  type TArticleFile,
  type TImage,
  type TProvider,
  type TRelatedLink,
} from './schema';
import { slugify } from './slugify';

export type JsonObject = Record<string, unknown>;

export type ImageRow = {
  role: 'lead' | 'logo';
  position: number;
  url: string;
  width: number | null;
  height: number | null;
  isCached: boolean | null;
  title: string | null;
  extra: JsonObject | null;
};

export type ProviderRef = {
  domain: string;
  name: string;
  extra: JsonObject | null;
  logos: ImageRow[];
};

export type RelatedProviderRef = { domain: string; name: string; extra: JsonObject | null };

export type RelatedRow = {
  position: number;
  title: string;
  excerpt: string | null;
  publishedAt: Date | null;
  webUrl: string;
  ampWebUrl: string | null;
  cdnAmpWebUrl: string | null;
  type: string | null;
  quality: number | null;
  provider: RelatedProviderRef | null;
  /** The link's `images` exactly as validated (null when the key is absent). */
  images: TImage[] | null;
  extra: JsonObject | null;
};

export type TopicRow = { position: number; label: string; slug: string };

/** Everything the seeder writes for one record, ready for the database. */
export type ArticleRows = {
  sourcePath: string;
  sourceHash: string;
  article: {
    category: string | null;
    title: string;
    excerpt: string | null;
    publishedAt: Date;
    originalUrl: string | null;
    webUrl: string | null;
    ampWebUrl: string | null;
    cdnAmpWebUrl: string | null;
    type: string | null;
    heat: number | null;
    featuredContent: string | null;
    secured: string | null;
    body: string | null;
    extra: JsonObject | null;
    sourcePublished: boolean | null;
    sourceQuality: number | null;
    heatRank: number;
    trendingRank: number;
    relatedTitles: string;
  };
  provider: ProviderRef;
  images: ImageRow[];
  topics: TopicRow[];
  related: RelatedRow[];
};

const KNOWN = {
  article: new Set(Object.keys(ZArticleFields.shape)),
  provider: new Set(Object.keys(ZProvider.shape)),
  /** A related link's provider keeps only name and domain in columns; its logos ride in `providerExtra`. */
  relatedProvider: new Set(['name', 'domain']),
  image: new Set(Object.keys(ZImage.shape)),
  related: new Set(Object.keys(ZRelatedLink.shape)),
};

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
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
  for (const key of keys.sort()) extra[key] = sortKeysDeep((value as JsonObject)[key]);
  return extra;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    const sorted: JsonObject = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep((value as JsonObject)[key]);
    return sorted;
  }
  return value;
}

function imageRows(images: TImage[] | null | undefined, role: ImageRow['role']): ImageRow[] {
  return (images ?? []).map((image, position) => ({
    role,
    position,
    url: image.url,
    width: image.width ?? null,
    height: image.height ?? null,
    isCached: image.isCached ?? null,
    title: image.title ?? null,
    extra: extraOf(image, KNOWN.image),
  }));
}

function providerRef(provider: TProvider): ProviderRef {
  return {
    domain: provider.domain,
    name: provider.name,
    extra: extraOf(provider, KNOWN.provider),
    logos: imageRows(provider.images, 'logo'),
  };
}

function relatedRow(link: TRelatedLink, position: number): RelatedRow {
  return {
    position,
    title: link.title,
    excerpt: link.excerpt ?? null,
    publishedAt: link.publishedDateTime ? new Date(link.publishedDateTime) : null,
    webUrl: link.webUrl,
    ampWebUrl: link.ampWebUrl ?? null,
    cdnAmpWebUrl: link.cdnAmpWebUrl ?? null,
    type: link.type ?? null,
    quality: link.quality ?? null,
    provider: link.provider
      ? { domain: link.provider.domain, name: link.provider.name, extra: extraOf(link.provider, KNOWN.relatedProvider) }
      : null,
    images: link.images?.length ? (sortKeysDeep(link.images) as TImage[]) : null,
    extra: extraOf(link, KNOWN.related),
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

/** `sourceHash` identifies the file's bytes, so a re-import can skip unchanged files unparsed. */
export function toArticleRows(record: TArticleFile, body: string | null, sourcePath: string, sourceHash: string): ArticleRows {
  const publishedAt = new Date(record.publishedDateTime);
  const related = (record.related ?? []).map(relatedRow);
  const content = {
    article: {
      category: record.category ?? null,
      title: record.title,
      excerpt: record.excerpt ?? null,
      publishedAt,
      originalUrl: record.originalUrl ?? null,
      webUrl: record.webUrl ?? null,
      ampWebUrl: record.ampWebUrl ?? null,
      cdnAmpWebUrl: record.cdnAmpWebUrl ?? null,
      type: record.type ?? null,
      heat: record.heat ?? null,
      featuredContent: record.featuredContent ?? null,
      secured: record.secured ?? null,
      body,
      extra: extraOf(record, KNOWN.article),
      sourcePublished: record.published ?? null,
      sourceQuality: record.quality ?? null,
      heatRank: heatRank(record.heat),
      trendingRank: trendingRank(record.heat, publishedAt),
      relatedTitles: related.map((link) => link.title).join('\n'),
    },
    provider: providerRef(record.provider),
    images: imageRows(record.images, 'lead'),
    topics: (record.topics ?? []).map((label, position) => ({ position, label, slug: slugify(label, 60) || 'topic' })),
    related,
  };
  return { sourcePath, sourceHash, ...content };
}

export { qualityRank };

// ---------------------------------------------------------------------------
// Back to the format

export type StoredImage = Omit<ImageRow, 'role'> & { role: string };
export type StoredProvider = { domain: string };

/** What the exporter reads for one article (a Prisma query selects exactly this). */
export type StoredArticle = ArticleRows['article'] & {
  published: boolean;
  quality: number | null;
  publishedEditedAt: Date | null;
  qualityEditedAt: Date | null;
  providerName: string;
  providerExtra: JsonObject | null;
  provider: StoredProvider;
  images: StoredImage[];
  topics: { position: number; label: string }[];
  related: (Omit<RelatedRow, 'provider' | 'images'> & {
    providerName: string | null;
    providerExtra: JsonObject | null;
    provider: StoredProvider | null;
    images: unknown;
  })[];
};

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** Builds an object without the keys whose value is null, in the given order. */
function compact(entries: [string, unknown][]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) if (present(value) && value !== undefined) out[key] = value;
  return out;
}

function withExtra(known: JsonObject, extra: JsonObject | null): JsonObject {
  return extra ? { ...known, ...extra } : known;
}

function imagesOf(images: StoredImage[], role: string): JsonObject[] | null {
  const matching = images.filter((image) => image.role === role).sort((a, b) => a.position - b.position);
  if (matching.length === 0) return null;
  return matching.map((image) =>
    withExtra(
      compact([
        ['url', image.url],
        ['width', image.width],
        ['height', image.height],
        ['isCached', image.isCached],
        ['title', image.title],
      ]),
      image.extra,
    ),
  );
}

function providerOf(name: string, domain: string, extra: JsonObject | null, logos: JsonObject[] | null): JsonObject {
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
 * otherwise exactly what the source said (absent stays absent); without it,
 * always what the source said — the record as last imported.
 */
export function fromArticleRows(stored: StoredArticle, { editorial = true } = {}): TArticleFile {
  const published = editorial && stored.publishedEditedAt ? stored.published : stored.sourcePublished;
  const quality = editorial && stored.qualityEditedAt ? stored.quality : stored.sourceQuality;
  const related = [...stored.related]
    .sort((a, b) => a.position - b.position)
    .map((link) =>
      withExtra(
        compact([
          ['title', link.title],
          ['excerpt', link.excerpt],
          ['publishedDateTime', link.publishedAt ? formatIsoDateTime(link.publishedAt) : null],
          ['webUrl', link.webUrl],
          ['ampWebUrl', link.ampWebUrl],
          ['cdnAmpWebUrl', link.cdnAmpWebUrl],
          ['type', link.type],
          [
            'provider',
            link.provider && link.providerName !== null
              ? providerOf(link.providerName, link.provider.domain, link.providerExtra, null)
              : null,
          ],
          ['quality', link.quality],
          ['images', Array.isArray(link.images) && link.images.length > 0 ? link.images : null],
        ]),
        link.extra,
      ),
    );
  const topics = [...stored.topics].sort((a, b) => a.position - b.position).map((topic) => topic.label);
  const record = withExtra(
    compact([
      ['category', stored.category],
      ['title', stored.title],
      ['excerpt', stored.excerpt],
      ['publishedDateTime', formatIsoDateTime(stored.publishedAt)],
      ['originalUrl', stored.originalUrl],
      ['webUrl', stored.webUrl],
      ['ampWebUrl', stored.ampWebUrl],
      ['cdnAmpWebUrl', stored.cdnAmpWebUrl],
      ['type', stored.type],
      ['quality', quality],
      ['heat', stored.heat],
      ['published', published],
      ['provider', providerOf(stored.providerName, stored.provider.domain, stored.providerExtra, imagesOf(stored.images, 'logo'))],
      ['topics', topics.length > 0 ? topics : null],
      ['images', imagesOf(stored.images, 'lead')],
      ['related', related.length > 0 ? related : null],
      ['featuredContent', stored.featuredContent],
      ['secured', stored.secured],
    ]),
    stored.extra,
  );
  return record as TArticleFile;
}
