import 'server-only';
import { getDb } from '../../db/client';
import { storyPath } from '../../links/story-path';
import { visibleArticleWhere } from './visibility';

export const SITEMAP_PAGE_SIZE = 10_000;

export function countPublishedStories(): Promise<number> {
  return getDb().article.count({ where: visibleArticleWhere(new Date()) });
}

/** One sitemap page of published stories, in id order (stable as stories are added). */
export async function listSitemapEntries(page: number): Promise<{ path: string; lastModified: string }[]> {
  const rows = await getDb().article.findMany({
    where: visibleArticleWhere(new Date()),
    orderBy: { id: 'asc' },
    skip: page * SITEMAP_PAGE_SIZE,
    take: SITEMAP_PAGE_SIZE,
    select: { id: true, title: true, updatedAt: true },
  });
  return rows.map((row) => ({ path: storyPath(row.id, row.title), lastModified: row.updatedAt.toISOString() }));
}
