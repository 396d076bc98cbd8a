import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { StoryCard } from '../data/reader/story-card';
import { youtubeVideoId } from './featured-video';
import { escapeXml, renderAtom, renderJsonFeed, renderRss, storyFeedItem } from './feeds';
import { jsonLdScriptContent } from './json-ld';
import { decodeCursor, encodeCursor } from './river-cursor';
import { safeHttpUrl } from '../links/safe-url';
import { MARK_END, MARK_START, markTerms, searchTerms, snippetAround, splitHighlights, toFts5Query, toTsQuery } from './search-query';
import { storyIdFromSlug, storySlug } from '../links/story-path';

const story: StoryCard = {
  id: 7,
  storyId: 3,
  sources: 2,
  path: '/articles/7-a-b',
  title: 'Tom & Jerry <script>alert(1)</script> \u0001',
  url: 'https://example.com/a?b=1&c=2',
  excerpt: 'Quotes " and \' and ]]> too',
  publishedAt: '2021-02-17T17:45:00.000Z',
  quality: 1,
  heat: 2,
  source: { name: 'A & B', domain: 'ab.example', logo: null },
  image: null,
  topics: [{ slug: 'ai', name: 'AI' }],
  related: [{ title: 'Other', url: 'https://o.example/x', sourceName: 'Other Outlet', sourceDomain: 'o.example', publishedAt: null }],
};
const feed = { title: 'Newsdesk', description: 'All <the> news', path: '/', feedBase: '', items: [storyFeedItem(story)] };

describe('feeds', () => {
  it('escape every value and parse with a real feed parser', async () => {
    const parser = new Parser();
    const rss = await parser.parseString(renderRss(feed));
    expect(rss.items[0]).toMatchObject({ title: 'Tom & Jerry <script>alert(1)</script> ', link: 'https://example.com/a?b=1&c=2' });
    expect(rss.items[0]?.categories).toEqual(['AI']);
    const atom = await parser.parseString(renderAtom(feed));
    expect(atom.items[0]?.title).toBe('Tom & Jerry <script>alert(1)</script> ');
    const json = JSON.parse(renderJsonFeed(feed));
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ url: 'https://example.com/a?b=1&c=2', tags: ['AI'] }],
    });
    expect(escapeXml('<a b="c">&\u0000')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;');
  });
});

describe('river cursors', () => {
  it('round-trip per order and refuse tampering or another order', () => {
    const last = { id: 42, publishedAt: new Date('2021-02-17T17:45:00Z'), qualityRank: 134, trendingRank: 37_000.123456789 };
    expect(decodeCursor('top', encodeCursor('top', last))).toEqual({
      order: 'top',
      qualityRank: 134,
      publishedAt: last.publishedAt,
      id: 42,
    });
    expect(decodeCursor('trending', encodeCursor('trending', last))).toEqual({ order: 'trending', trendingRank: 37_000.123456789, id: 42 });
    expect(decodeCursor('latest', encodeCursor('top', last))).toBeNull();
    expect(decodeCursor('latest', 'not-base64-json')).toBeNull();
    expect(decodeCursor('latest', Buffer.from('["latest","x",1]').toString('base64url'))).toBeNull();
  });

  it('refuse keys no date can hold and ids no id column can, so nothing out of range reaches the database', () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    expect(decodeCursor('latest', cursor(['latest', 1e300, 1]))).toBeNull();
    expect(decodeCursor('latest', cursor(['latest', 1_600_000_000_000, 1e20]))).toBeNull();
    expect(decodeCursor('latest', cursor(['latest', 1_600_000_000_000, 2_147_483_648]))).toBeNull();
    expect(decodeCursor('top', cursor(['top', 1, 5, 9e15]))).toBeNull();
    expect(decodeCursor('trending', cursor(['trending', -1e300, 5]))).toBeNull();
    expect(decodeCursor('latest', 'A'.repeat(5000))).toBeNull();
    expect(decodeCursor('latest', cursor(['latest', 8.64e15, 2_147_483_647]))).toMatchObject({ id: 2_147_483_647 });
  });
});

describe('search queries', () => {
  it('keep only words, quote them for FTS5 and join them for tsquery', () => {
    expect(searchTerms('Facial  recog" OR (NEAR*) café')).toEqual(['facial', 'recog', 'or', 'near', 'café']);
    expect(toFts5Query(['facial', 'recog'])).toBe('"facial" "recog"*');
    expect(toTsQuery(['facial', 'recog'])).toBe('facial & recog:*');
    expect(searchTerms('a b c d e f g h i j k').length).toBe(8);
  });

  it('mark the words a search matched, and cut a snippet around the first', () => {
    expect(markTerms('Climatic shifts and climate policy', ['climate'])).toBe(
      `${MARK_START}Climatic${MARK_END} shifts and ${MARK_START}climate${MARK_END} policy`,
    );
    const marked = markTerms('one two three four five six seven eight nine target ten eleven', ['target']);
    expect(snippetAround(marked, 2)).toBe(`…eight nine ${MARK_START}target${MARK_END} ten eleven`);
    expect(snippetAround(`${marked} twelve`, 2)).toBe(`…eight nine ${MARK_START}target${MARK_END} ten eleven…`);
  });

  it('split highlights into marked and plain text', () => {
    expect(splitHighlights(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' c', marked: false },
    ]);
  });
});

describe('safety helpers', () => {
  it('only let http(s) URLs through', () => {
    expect(safeHttpUrl('https://example.com/x')).toBe('https://example.com/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'ftp://x', '', null])
      expect(safeHttpUrl(bad)).toBeNull();
  });

  it('take only a YouTube id out of featured content', () => {
    expect(youtubeVideoId('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?x=1"></iframe>')).toBe('dQw4w9WgXcQ');
    expect(youtubeVideoId('<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>')).toBeNull();
    expect(youtubeVideoId('<iframe src="https://www.youtube.com/embed/short"></iframe>')).toBeNull();
    expect(youtubeVideoId(null)).toBeNull();
  });

  it('keep JSON-LD from closing its script element', () => {
    expect(jsonLdScriptContent({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script');
  });

  it('build and read story slugs', () => {
    expect(storySlug(12, 'ACLU, civil rights groups urge Biden')).toBe('12-aclu-civil-rights-groups-urge-biden');
    expect(storyIdFromSlug('12-anything')).toBe(12);
    expect(storyIdFromSlug('12')).toBe(12);
    expect(storyIdFromSlug('x12')).toBeNull();
    expect(storyIdFromSlug('99999999999')).toBeNull();
  });
});
