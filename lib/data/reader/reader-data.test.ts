import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyDocument, seedDocument, withField } from '../../../test/fixtures/article-files';
import { folderWith } from '../../../test/temp-folder';
import { createGenerator } from '../../../bench/generate-articles';
import { serialiseArticleFile } from '../../front-matter/serialise-article-file';
import { importSeedFolder } from '../../import/import-seed-folder';
import { openSqlConnection, type SqlConnection } from '../../db/bulk/sql-connection';
import { getDb } from '../../db/client';
import { getStory } from './get-story';
import { getSource } from './get-source';
import { getTopic } from './get-topic';
import { listStories } from './list-stories';
import { listTopics } from './list-topics';
import { searchStories } from './search-stories';

let sql: SqlConnection;

beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
  const generate = createGenerator(11, { sourceCount: 12, from: new Date('2020-01-01'), to: new Date('2020-12-31'), maxQuality: 120 });
  const files: Record<string, string> = {
    'seed.txt': seedDocument,
    'legacy.md': withField(legacyDocument, 'topics:\n  - Privacy', 'topics:\n  - Privacy\npublished: true'),
    'hidden.md': withField(withField(seedDocument, 'published: true', 'published: false'), 'title: "ACLU', 'title: "Hidden ACLU'),
  };
  for (let i = 0; i < 75; i++)
    files[`generated/${i}.md`] = serialiseArticleFile({ ...generate(i), published: true, heat: i % 7 === 0 ? undefined : 10 + i });
  await importSeedFolder(sql, folderWith(files));
});
afterAll(() => sql.close());

/** Every page's stories, by story id. */
async function everyPage(order: 'top' | 'latest' | 'trending', filter = {}) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listStories(order, cursor, filter, 10);
    ids.push(...page.stories.map((story) => story.storyId));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe('listStories', () => {
  it('pages through every published story exactly once, in order, for each order', async () => {
    const members = await getDb().article.findMany({ where: { published: true }, select: { storyId: true, publishedAt: true } });
    const newest = new Map<number, number>();
    for (const member of members) newest.set(member.storyId!, Math.max(newest.get(member.storyId!) ?? 0, member.publishedAt.getTime()));
    expect(newest.size).toBeGreaterThan(50);
    for (const order of ['top', 'latest', 'trending'] as const) {
      const ids = await everyPage(order);
      expect(new Set(ids).size, order).toBe(ids.length);
      expect(ids.length, order).toBe(newest.size);
    }
    // Latest: by each story's newest published member.
    const latest = [...newest].sort(([a, at], [b, bt]) => bt - at || b - a).map(([id]) => id);
    expect(await everyPage('latest')).toEqual(latest);
    const top = await listStories('top');
    expect(top.stories[0]?.title).toBe('ACLU, civil rights groups urge Biden to halt use of facial recognition technology');
    expect(top.stories.at(-1)?.quality).not.toBeNull();
  });

  it('stays correct when stories are published or unpublished between pages', async () => {
    const first = await listStories('latest', undefined, {}, 10);
    const expectedNext = (await listStories('latest', first.nextCursor!, {}, 10)).stories.map((story) => story.id);
    // Someone unpublishes a story already shown and publishes a new one at the top.
    await getDb().article.update({ where: { id: first.stories[3]!.id }, data: { published: false } });
    const hidden = await getDb().article.findFirstOrThrow({ where: { title: { startsWith: 'Hidden ACLU' } } });
    await getDb().article.update({ where: { id: hidden.id }, data: { published: true } });
    const second = await listStories('latest', first.nextCursor!, {}, 10);
    expect(second.stories.map((story) => story.id)).toEqual(expectedNext);
    await getDb().article.update({ where: { id: first.stories[3]!.id }, data: { published: true } });
    await getDb().article.update({ where: { id: hidden.id }, data: { published: false } });
  });

  it('filters by topic and by source, and refuses a foreign cursor', async () => {
    const topic = await getTopic('privacy');
    expect(topic?.stories).toBeGreaterThan(0);
    const ids = await everyPage('latest', { topicId: topic!.id });
    expect(ids.length).toBe(topic!.stories);
    const source = await getSource('thehill.com');
    expect(source).toMatchObject({ name: 'The Hill', stories: 1 });
    const page = await listStories('latest', undefined, { topicId: topic!.id });
    expect((await listStories('top', page.nextCursor ?? 'bogus')).invalidCursor).toBe(true);
  });
});

describe('unpublished stories', () => {
  it('are missing from story pages, topics, sources and search', async () => {
    const hidden = await getDb().article.findFirstOrThrow({ where: { title: { startsWith: 'Hidden ACLU' } } });
    expect(await getStory(hidden.id)).toBeNull();
    expect((await searchStories('hidden')).total).toBe(0);
    const topics = await listTopics();
    const ai = topics.find((topic) => topic.slug === 'ai');
    const withAi = await getDb().article.findMany({
      where: { published: true, topics: { some: { topic: { slug: 'ai' } } } },
      select: { storyId: true },
    });
    expect(ai?.stories).toBe(new Set(withAi.map((row) => row.storyId)).size);
  });
});

describe('searchStories', () => {
  it('finds words in titles, excerpts and related coverage, best matches first, with the words marked', async () => {
    const results = await searchStories('facial recog');
    expect(results.total).toBeGreaterThan(0);
    expect(results.hits[0]?.title).toBe('ACLU, civil rights groups urge Biden to halt use of facial recognition technology');
    expect(results.hits[0]?.titleHighlight).toMatch(/\u0002facial\u0003/i);
    const related = await searchStories('Minneapolis');
    expect(related.hits.map((hit) => hit.id)).toContain(results.hits[0]?.id);
    expect(related.hits[0]?.relatedHighlight).toMatch(/\u0002Minneapolis\u0003/);
  });

  it('treats search syntax as plain words and finds nothing for nothing', async () => {
    // Operators and quotes are just words (or dropped): no syntax errors reach the reader.
    expect((await searchStories('" OR * NEAR( -- ;')).terms).toEqual(['or', 'near']);
    const and = await searchStories('ACLU AND');
    expect(and.terms).toEqual(['aclu', 'and']);
    expect(and.hits[0]?.title).toMatch(/^ACLU/);
    expect((await searchStories('   ')).terms).toEqual([]);
    expect((await searchStories('zzzqqq')).total).toBe(0);
  });
});

describe('getStory', () => {
  it('returns the full record of a published story', async () => {
    const seeded = await getDb().article.findFirstOrThrow({ where: { filePath: 'seed.txt' } });
    const story = await getStory(seeded.id);
    expect(story).toMatchObject({
      title: 'ACLU, civil rights groups urge Biden to halt use of facial recognition technology',
      originalUrl: 'https://thehill.com/policy/technology/539218-aclu-civil-rights-groups-urge-biden-to-halt-use-of-facial-recognition',
      youtubeVideoId: null,
    });
    expect(story?.related).toHaveLength(8);
    expect(story?.related).toContainEqual(
      expect.objectContaining({ sourceName: 'The Daily Dot', ampUrl: expect.stringContaining('?amp') }),
    );
    const times = story!.related.flatMap((link) => (link.publishedAt ? [link.publishedAt] : []));
    expect(times).toEqual([...times].sort().reverse());
  });
});
