import Link from 'next/link';
import { topicPath } from '@/lib/links/topic-path';

/** Topics as chips linking to their pages; nothing when there are none. */
export function TopicChips({ topics, label = 'Topics' }: { topics: { slug: string; name: string }[]; label?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul className="topics" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link className="chip" href={topicPath(topic.slug)}>
            {topic.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
