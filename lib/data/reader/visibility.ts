import 'server-only';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { getDatabaseEngine, type Prisma } from '../../db/client';

/**
 * What readers may see, in one place: an article is visible when an editor
 * (or its file) published it and `now` is inside its schedule, from
 * `publishAt` (inclusive) until `unpublishAt` (exclusive). Computed where it
 * is read, so nothing waits for a job to flip a flag; the page cache expires
 * at the next schedule boundary (lib/cache/shared-tag-cache-handler.mjs).
 */
export function visibleArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    published: true,
    AND: [{ OR: [{ publishAt: null }, { publishAt: { lte: now } }] }, { OR: [{ unpublishAt: null }, { unpublishAt: { gt: now } }] }],
  };
}

/** The same rule for raw SQL over the "Article" row aliased `a`. */
export function visibleArticleSql(now: Date): Prisma.Sql {
  if (getDatabaseEngine() === 'sqlite') {
    // Prisma stores SQLite date-times as ISO-8601 text with a +00:00 offset, so text order is time order.
    const at = now.toISOString().replace('Z', '+00:00');
    return PrismaRuntime.sql`a."published" = 1 AND (a."publishAt" IS NULL OR a."publishAt" <= ${at}) AND (a."unpublishAt" IS NULL OR a."unpublishAt" > ${at})`;
  }
  return PrismaRuntime.sql`a."published" AND (a."publishAt" IS NULL OR a."publishAt" <= ${now}) AND (a."unpublishAt" IS NULL OR a."unpublishAt" > ${now})`;
}

export type Schedule = { published: boolean; publishAt: Date | string | null; unpublishAt: Date | string | null };

/** The same rule for a row already in hand. */
export function isVisible(article: Schedule, now: Date): boolean {
  const from = article.publishAt === null ? null : new Date(article.publishAt).getTime();
  const until = article.unpublishAt === null ? null : new Date(article.unpublishAt).getTime();
  return article.published && (from === null || from <= now.getTime()) && (until === null || until > now.getTime());
}
