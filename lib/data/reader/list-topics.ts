import 'server-only';
import { getDb } from '../../db/client';
import { visibleArticleWhere } from './visibility';

export type TopicSummary = { id: number; slug: string; name: string; stories: number };

/** Topics with at least one published story, the busiest first. */
export async function listTopics(): Promise<TopicSummary[]> {
  const counts = await getDb().articleTopic.groupBy({
    by: ['topicId'],
    where: { article: visibleArticleWhere(new Date()) },
    _count: { articleId: true },
  });
  if (counts.length === 0) return [];
  const topics = await getDb().topic.findMany({ where: { id: { in: counts.map((row) => row.topicId) } } });
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  return counts
    .flatMap((row) => {
      const topic = byId.get(row.topicId);
      return topic ? [{ id: topic.id, slug: topic.slug, name: topic.name, stories: row._count.articleId }] : [];
    })
    .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name));
}
