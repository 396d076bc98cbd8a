/**
 * Articles as story clustering sees them (lib/stories ClusterInput), with
 * what is stored about their story, read with the bulk layer's raw SQL.
 */
import type { ClusterInput } from '../../stories/cluster-input';
import { articleKey } from '../../stories/resolve-story';
import { asBoolean, asDate, asNumber, inList, type SqlConnection, type SqlValue } from './sql-connection';

export type StoredClusterInput = ClusterInput & {
  id: number;
  /** The leader key clustering last stored, null before the first assignment. */
  storyKey: string | null;
  storyId: number | null;
  pinnedStoryId: number | null;
  published: boolean;
  /** When the row last changed (a re-import, an edit): what cached copies are checked against. */
  updatedAt: Date;
};

type Row = {
  id: unknown;
  filePath: string | null;
  title: string;
  excerpt: string | null;
  publishedAt: unknown;
  webUrl: string | null;
  originalUrl: string | null;
  ampWebUrl: string | null;
  cdnAmpWebUrl: string | null;
  storyKey: string | null;
  storyId: unknown;
  pinnedStoryId: unknown;
  published: unknown;
  updatedAt: unknown;
  domain: string;
};

const SELECT = `SELECT a."id", a."filePath", a."title", a."excerpt", a."publishedAt", a."webUrl", a."originalUrl", a."ampWebUrl",
  a."cdnAmpWebUrl", a."storyKey", a."storyId", a."pinnedStoryId", a."published", a."updatedAt", s."domain"
  FROM "Article" a JOIN "Source" s ON s."id" = a."sourceId"`;

const present = (values: (string | null)[]): string[] => values.filter((value): value is string => !!value);

/** Runs `query` over `values` in chunks small enough for the driver's parameter limit. */
export async function inChunks<V extends SqlValue, R>(
  sql: SqlConnection,
  values: readonly V[],
  query: (placeholders: string, chunk: V[]) => Promise<R[]>,
  reserved = 0,
): Promise<R[]> {
  const size = Math.max(1, Math.min(10_000, sql.maxParameters - reserved - 10));
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size);
    out.push(...(await query(inList(sql, chunk.length, reserved), chunk)));
  }
  return out;
}

type Link = { articleId: unknown; webUrl: string; ampWebUrl: string | null; cdnAmpWebUrl: string | null };
const LINK_COLUMNS = `SELECT "articleId", "webUrl", "ampWebUrl", "cdnAmpWebUrl" FROM "RelatedLink"`;

/**
 * Fills in the related coverage's addresses of `articles`, in place. The
 * clustering reads them lazily (only when a comparison gets past the
 * headlines), so they may be added after the headline terms were computed.
 */
export async function loadRelatedUrls(sql: SqlConnection, articles: readonly StoredClusterInput[], { all = false } = {}) {
  if (articles.length === 0) return;
  const byId = new Map(articles.map((article) => [article.id, article]));
  const links = all
    ? await sql.query<Link>(LINK_COLUMNS)
    : await inChunks(sql, [...byId.keys()], (list, chunk) => sql.query<Link>(`${LINK_COLUMNS} WHERE "articleId" IN (${list})`, chunk));
  for (const link of links)
    byId.get(Number(link.articleId))?.relatedUrls.push(...present([link.webUrl, link.ampWebUrl, link.cdnAmpWebUrl]));
}

/**
 * Articles matching `where` (over `a`, the Article row), with their related
 * coverage's addresses unless `related` is `none` (then loadRelatedUrls can
 * add them later); `all` reads every related link in one pass (for a rebuild
 * of everything) instead of by article.
 */
export async function loadClusterInputs(
  sql: SqlConnection,
  where: string,
  params: SqlValue[] = [],
  { related = 'by-article' }: { related?: 'by-article' | 'all' | 'none' } = {},
): Promise<StoredClusterInput[]> {
  const rows = await sql.query<Row>(`${SELECT} WHERE ${where}`, params);
  const articles = rows.map((row): StoredClusterInput => {
    const id = Number(row.id);
    return {
      id,
      key: articleKey(row.filePath, id),
      title: row.title,
      excerpt: row.excerpt,
      publishedAt: asDate(row.publishedAt)!,
      urls: present([row.webUrl, row.originalUrl, row.ampWebUrl, row.cdnAmpWebUrl]),
      relatedUrls: [],
      sourceDomain: row.domain,
      storyKey: row.storyKey,
      storyId: asNumber(row.storyId),
      pinnedStoryId: asNumber(row.pinnedStoryId),
      published: asBoolean(row.published) ?? false,
      updatedAt: asDate(row.updatedAt)!,
    };
  });
  if (related !== 'none') await loadRelatedUrls(sql, articles, { all: related === 'all' });
  return articles;
}
