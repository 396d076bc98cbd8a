import 'server-only';
import { getDb } from '../../db/client';
import { visibleArticleSql } from './visibility';

export type TopicSummary = { id: number; slug: string; name: string; stories: number };

/** Topics with at least one published story, the busiest first; a story counts once however many of its articles carry the topic. */
export async function listTopics(): Promise<TopicSummary[]> {
  const counts = await getDb().$queryRaw<{ topicId: number | bigint; stories: number | bigint }[]>`
    SELECT t."topicId" AS "topicId", COUNT(DISTINCT COALESCE(a."storyId", -a."id")) AS stories
    FROM "ArticleTopic" t JOIN "Article" a ON a."id" = t."articleId"
    WHERE ${visibleArticleSql(new Date())}
    GROUP BY t."topicId"`;
  if (counts.length === 0) return [];
  const topics = await getDb().topic.findMany({ where: { id: { in: counts.map((row) => Number(row.topicId)) } } });
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  return counts
    .flatMap((row) => {
      const topic = byId.get(Number(row.topicId));
      return topic ? [{ id: topic.id, slug: topic.slug, name: topic.name, stories: Number(row.stories) }] : [];
    })
    .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name));
}
