import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cachedGetTopic } from '@/lib/cache/cached-queries';
import { feedAlternates } from '@/lib/reader/feed-alternates';
import { FeedLinks } from './feed-links';
import { FilteredRiver } from './filtered-river';
import { topicPath } from '@/lib/links/topic-path';
import { decodeSegment } from '@/lib/links/decode-segment';

async function loadTopic(slug: string) {
  const decoded = decodeSegment(slug);
  const topic = decoded === null ? null : await cachedGetTopic(decoded);
  if (!topic) notFound();
  return topic;
}

export async function topicMetadata(slug: string, continued: boolean): Promise<Metadata> {
  const topic = await loadTopic(slug);
  const base = topicPath(topic.slug);
  return {
    title: continued ? `${topic.name}, continued` : topic.name,
    description: `The latest ${topic.stories} stories about ${topic.name}, with their coverage.`,
    alternates: { canonical: base, types: feedAlternates(base, `${topic.name} on Newsdesk`) },
    ...(continued ? { robots: { index: false, follow: true } } : {}),
  };
}

export async function TopicPage({ slug, cursor }: { slug: string; cursor?: string }) {
  const topic = await loadTopic(slug);
  const base = topicPath(topic.slug);
  return (
    <FilteredRiver
      basePath={base}
      filter={{ topicId: topic.id }}
      cursor={cursor}
      heading={
        <div className="river-heading">
          <h1>{topic.name}</h1>
          <p className="river-description">
            {topic.stories} {topic.stories === 1 ? 'story' : 'stories'} · <FeedLinks base={base} />
          </p>
        </div>
      }
    />
  );
}
