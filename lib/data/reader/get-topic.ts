import 'server-only';
import { getDb } from '../../db/client';
import { countVisibleStories } from './count-visible-stories';

export type TopicDetail = { id: number; slug: string; name: string; stories: number };

/** A topic with its number of published stories; null when unknown or empty. */
export async function getTopic(slug: string): Promise<TopicDetail | null> {
  const topic = await getDb().topic.findUnique({ where: { slug } });
  if (!topic) return null;
  const stories = await countVisibleStories({ topicId: topic.id });
  return stories > 0 ? { id: topic.id, slug: topic.slug, name: topic.name, stories } : null;
}
