import 'server-only';
import { getDb } from '../../db/client';
import { STORY_CARD_SELECT, toStoryCard, type StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

/** Other published stories sharing a topic with this one, newest first. */
export async function listMoreOnTopics(storyId: number, topicSlugs: string[], limit = 6): Promise<StoryCard[]> {
  if (topicSlugs.length === 0) return [];
  const rows = await getDb().article.findMany({
    where: { ...visibleArticleWhere(new Date()), id: { not: storyId }, topics: { some: { topic: { slug: { in: topicSlugs } } } } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: STORY_CARD_SELECT,
  });
  return rows.map(toStoryCard);
}
