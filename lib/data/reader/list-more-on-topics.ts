import 'server-only';
import { getDb } from '../../db/client';
import { loadStoryCards } from './load-story-cards';
import type { StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

/** Other stories sharing a topic with the story of article `articleId`, newest first, one card per story. */
export async function listMoreOnTopics(articleId: number, topicSlugs: string[], limit = 6): Promise<StoryCard[]> {
  if (topicSlugs.length === 0) return [];
  const now = new Date();
  const db = getDb();
  const own = await db.article.findUnique({ where: { id: articleId }, select: { storyId: true } });
  const rows = await db.article.findMany({
    where: {
      ...visibleArticleWhere(now),
      id: { not: articleId },
      ...(own?.storyId ? { NOT: { storyId: own.storyId } } : {}),
      topics: { some: { topic: { slug: { in: topicSlugs } } } },
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    // Several members of one story may come first: read enough to fill the list with distinct stories.
    take: limit * 4,
    select: { id: true, storyId: true },
  });
  const storyIds = [...new Set(rows.map((row) => row.storyId ?? -row.id))].slice(0, limit);
  const cards = await loadStoryCards(storyIds, now);
  return storyIds.flatMap((id) => cards.get(id) ?? []);
}
