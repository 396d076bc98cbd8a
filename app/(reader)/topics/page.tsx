import type { Metadata } from 'next';
import Link from 'next/link';
import { cachedListTopics } from '@/lib/cache/cached-queries';
import { topicPath } from '@/lib/links/topic-path';

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Every topic with published stories, the busiest first.',
  alternates: { canonical: '/topics' },
};

export default async function TopicsPage() {
  const topics = await cachedListTopics();
  return (
    <>
      <h1>Topics</h1>
      {topics.length === 0 ? (
        <p className="empty">No topics yet: they appear with the first published story.</p>
      ) : (
        <ul className="topic-index">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link href={topicPath(topic.slug)}>{topic.name}</Link>{' '}
              <span className="count">
                {topic.stories} {topic.stories === 1 ? 'story' : 'stories'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
