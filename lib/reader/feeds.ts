/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for a list of items: stories (linking
 * to the source article, with the story page as guid/id) or digests. Every
 * value is escaped.
 */
import type { StoryCard } from '../data/reader/story-card';
import { absoluteUrl, SITE_NAME } from './site-url';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** One entry of a feed, whatever it is about. */
export type FeedItem = {
  /** Absolute, stable: the guid / id. */
  id: string;
  /** Where a reader goes. */
  link: string;
  title: string;
  summary: string;
  publishedAt: string;
  author: { name: string; url: string } | null;
  categories: { term: string; label: string }[];
  image: string | null;
};

export type FeedDescription = {
  title: string;
  description: string;
  /** Site path the feed is about, e.g. `/topics/ai`. */
  path: string;
  /** Path prefix of the feed files: `${feedBase}/rss.xml` etc. */
  feedBase: string;
  items: FeedItem[];
};

export const FEED_FILES: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml' },
  atom: { file: 'atom.xml', type: 'application/atom+xml' },
  json: { file: 'feed.json', type: 'application/feed+json' },
};

export function feedPath(feedBase: string, format: FeedFormat): string {
  return `${feedBase.replace(/\/$/, '')}/${FEED_FILES[format].file}`;
}

// Characters XML 1.0 does not allow at all, even escaped.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** A story as a feed item: the link goes to the source article (webUrl, else originalUrl), the id is the story page. */
export function storyFeedItem(story: StoryCard): FeedItem {
  const parts = [story.excerpt ?? ''];
  if (story.related.length) parts.push(`More: ${story.related.map((link) => link.sourceName ?? link.title).join(', ')}`);
  return {
    id: absoluteUrl(story.path),
    link: story.url ?? absoluteUrl(story.path),
    title: story.title,
    summary: parts.filter(Boolean).join('\n\n'),
    publishedAt: story.publishedAt,
    author: { name: story.source.name, url: `https://${story.source.domain}/` },
    categories: story.topics.map((topic) => ({ term: topic.slug, label: topic.name })),
    image: story.image?.url ?? null,
  };
}

function latestDate(items: FeedItem[]): Date {
  return items.length ? new Date(Math.max(...items.map((item) => Date.parse(item.publishedAt)))) : new Date(0);
}

export function renderRss(feed: FeedDescription): string {
  const items = feed.items
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.id)}</guid>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
${item.author ? `      <source url="${escapeXml(item.author.url)}">${escapeXml(item.author.name)}</source>\n` : ''}${item.categories.map((category) => `      <category>${escapeXml(category.label)}</category>\n`).join('')}      <description>${escapeXml(item.summary)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(absoluteUrl(feed.path))}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>en</language>
    <lastBuildDate>${latestDate(feed.items).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(absoluteUrl(feedPath(feed.feedBase, 'rss')))}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function renderAtom(feed: FeedDescription): string {
  const entries = feed.items
    .map(
      (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" href="${escapeXml(item.link)}"/>
    <link rel="related" href="${escapeXml(item.id)}"/>
    <id>${escapeXml(item.id)}</id>
    <published>${item.publishedAt}</published>
    <updated>${item.publishedAt}</updated>
    <author><name>${escapeXml(item.author?.name ?? SITE_NAME)}</name></author>
${item.categories.map((category) => `    <category term="${escapeXml(category.term)}" label="${escapeXml(category.label)}"/>\n`).join('')}    <summary>${escapeXml(item.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.description)}</subtitle>
  <link rel="alternate" href="${escapeXml(absoluteUrl(feed.path))}"/>
  <link rel="self" href="${escapeXml(absoluteUrl(feedPath(feed.feedBase, 'atom')))}"/>
  <id>${escapeXml(absoluteUrl(feed.path))}</id>
  <updated>${latestDate(feed.items).toISOString()}</updated>
  <generator>${SITE_NAME}</generator>
${entries}
</feed>
`;
}

export function renderJsonFeed(feed: FeedDescription): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      description: feed.description,
      home_page_url: absoluteUrl(feed.path),
      feed_url: absoluteUrl(feedPath(feed.feedBase, 'json')),
      language: 'en',
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.link,
        external_url: item.link !== item.id ? item.link : undefined,
        title: item.title,
        content_text: item.summary || item.title,
        summary: item.summary || undefined,
        image: item.image ?? undefined,
        date_published: item.publishedAt,
        authors: item.author ? [item.author] : undefined,
        tags: item.categories.map((category) => category.label),
      })),
    },
    null,
    2,
  );
}

export function renderFeed(format: FeedFormat, feed: FeedDescription): Response {
  const body = format === 'rss' ? renderRss(feed) : format === 'atom' ? renderAtom(feed) : renderJsonFeed(feed);
  return new Response(body, { headers: { 'Content-Type': `${FEED_FILES[format].type}; charset=utf-8` } });
}
