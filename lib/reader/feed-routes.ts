/**
 * The GET handlers behind every feed: home, each topic and each source, in
 * RSS, Atom and JSON Feed. Feed routes are static (cached) and regenerated
 * when articles change.
 */
import 'server-only';
import { notFound } from 'next/navigation';
import { cachedGetSource, cachedGetTopic, cachedListStories } from '../cache/cached-queries';
import { renderFeed, storyFeedItem, type FeedFormat } from './feeds';
import { SITE_DESCRIPTION, SITE_NAME } from './site-url';
import { topicPath } from '../links/topic-path';
import { sourcePath } from '../links/source-path';
import { decodeSegment } from '../links/decode-segment';

const FEED_SIZE = 50;

export function homeFeed(format: FeedFormat) {
  return async () => {
    const { stories } = await cachedListStories('latest', undefined, {}, FEED_SIZE);
    return renderFeed(format, {
      title: SITE_NAME,
      description: SITE_DESCRIPTION,
      path: '/',
      feedBase: '',
      items: stories.map(storyFeedItem),
    });
  };
}

export function topicFeed(format: FeedFormat) {
  return async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const slug = decodeSegment((await params).slug);
    const topic = slug === null ? null : await cachedGetTopic(slug);
    if (!topic) notFound();
    const { stories } = await cachedListStories('latest', undefined, { topicId: topic.id }, FEED_SIZE);
    const path = topicPath(topic.slug);
    return renderFeed(format, {
      title: `${topic.name} · ${SITE_NAME}`,
      description: `The latest stories about ${topic.name}.`,
      path,
      feedBase: path,
      items: stories.map(storyFeedItem),
    });
  };
}

export function sourceFeed(format: FeedFormat) {
  return async (_request: Request, { params }: { params: Promise<{ domain: string }> }) => {
    const domain = decodeSegment((await params).domain);
    const source = domain === null ? null : await cachedGetSource(domain);
    if (!source) notFound();
    const { stories } = await cachedListStories('latest', undefined, { sourceId: source.id }, FEED_SIZE);
    const path = sourcePath(source.domain);
    return renderFeed(format, {
      title: `${source.name} · ${SITE_NAME}`,
      description: `The latest stories from ${source.name}.`,
      path,
      feedBase: path,
      items: stories.map(storyFeedItem),
    });
  };
}
