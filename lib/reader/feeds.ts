/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for a list of stories. Every value is
 * escaped; items link to the source article (webUrl, else originalUrl) and
 * carry the story page as their guid/id.
 */
import type { StoryCard } from '../data/reader/story-card';
import { absoluteUrl, SITE_NAME } from './site-url';

export type FeedFormat = 'rss' | 'atom' | 'json';

export type FeedDescription = {
  title: string;
  description: string;
  /** Site path the feed is about, e.g. `/topics/ai`. */
  path: string;
  /** Path prefix of the feed files: `${feedBase}/rss.xml` etc. */
  feedBase: string;
  stories: StoryCard[];
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

function itemLink(story: StoryCard): string {
  return story.url ?? absoluteUrl(story.path);
}

function latestDate(stories: StoryCard[]): Date {
  return stories.length ? new Date(Math.max(...stories.map((story) => Date.parse(story.publishedAt)))) : new Date(0);
}

function summary(story: StoryCard): string {
  const parts = [story.excerpt ?? ''];
  if (story.related.length) parts.push(`More: ${story.related.map((link) => link.sourceName ?? link.title).join(', ')}`);
  return parts.filter(Boolean).join('\n\n');
}

export function renderRss(feed: FeedDescription): string {
  const items = feed.stories
    .map(
      (story) => `    <item>
      <title>${escapeXml(story.title)}</title>
      <link>${escapeXml(itemLink(story))}</link>
      <guid isPermaLink="true">${escapeXml(absoluteUrl(story.path))}</guid>
      <pubDate>${new Date(story.publishedAt).toUTCString()}</pubDate>
      <source url="${escapeXml(`https://${story.source.domain}/`)}">${escapeXml(story.source.name)}</source>
${story.topics.map((topic) => `      <category>${escapeXml(topic.name)}</category>\n`).join('')}      <description>${escapeXml(summary(story))}</description>
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
    <lastBuildDate>${latestDate(feed.stories).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(absoluteUrl(feedPath(feed.feedBase, 'rss')))}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function renderAtom(feed: FeedDescription): string {
  const entries = feed.stories
    .map(
      (story) => `  <entry>
    <title>${escapeXml(story.title)}</title>
    <link rel="alternate" href="${escapeXml(itemLink(story))}"/>
    <link rel="related" href="${escapeXml(absoluteUrl(story.path))}"/>
    <id>${escapeXml(absoluteUrl(story.path))}</id>
    <published>${story.publishedAt}</published>
    <updated>${story.publishedAt}</updated>
    <author><name>${escapeXml(story.source.name)}</name></author>
${story.topics.map((topic) => `    <category term="${escapeXml(topic.slug)}" label="${escapeXml(topic.name)}"/>\n`).join('')}    <summary>${escapeXml(summary(story))}</summary>
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
  <updated>${latestDate(feed.stories).toISOString()}</updated>
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
      items: feed.stories.map((story) => ({
        id: absoluteUrl(story.path),
        url: itemLink(story),
        external_url: story.url ?? undefined,
        title: story.title,
        content_text: summary(story) || story.title,
        summary: story.excerpt ?? undefined,
        image: story.image?.url,
        date_published: story.publishedAt,
        authors: [{ name: story.source.name, url: `https://${story.source.domain}/` }],
        tags: story.topics.map((topic) => topic.name),
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
