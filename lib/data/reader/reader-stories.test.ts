/**
 * Readers see stories, not duplicates: over the labelled newsroom corpus,
 * every listing shows one entry per story (its lead, the other outlets merged
 * into its coverage), ranks by the story, and never shows an unpublished or
 * unscheduled member. On SQLite, and on PostgreSQL with TEST_DATABASE=postgresql.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNewsroomSeeds } from '../../../test/fixtures/newsroom/write-newsroom-seeds';
import { openSqlConnection } from '../../db/bulk/sql-connection';
import { getDb } from '../../db/client';
import { importSeedFiles } from '../../import/import-seed-folder';
import { outletKey } from '../../reader/merge-coverage';
import { trendingRank } from '../../ranking/trending';
import { normaliseUrl } from '../../stories/normalise-url';
import { getStory } from './get-story';
import { listStories } from './list-stories';
import { searchStories } from './search-stories';
import type { StoryCard } from './story-card';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-reader-stories-'));

beforeAll(async () => {
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  const paths = writeNewsroomSeeds(folder);
  expect((await importSeedFiles(sql, folder, paths)).rejected).toEqual([]);
  await sql.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function river(order: 'top' | 'latest' | 'trending'): Promise<StoryCard[]> {
  const cards: StoryCard[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listStories(order, cursor, {}, 25);
    cards.push(...page.stories);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cards;
}

/** Published members by story, as the database holds them. */
async function publishedMembers() {
  const rows = await getDb().article.findMany({
    where: { published: true, publishAt: null, unpublishAt: null },
    select: {
      id: true,
      storyId: true,
      quality: true,
      heat: true,
      publishedAt: true,
      qualityRank: true,
      webUrl: true,
      source: { select: { domain: true } },
    },
  });
  const stories = new Map<number, typeof rows>();
  for (const row of rows) stories.set(row.storyId!, [...(stories.get(row.storyId!) ?? []), row]);
  return stories;
}

describe('stories on the river', () => {
  it('shows one entry per story in every order, each story with a published member exactly once', async () => {
    const stories = await publishedMembers();
    expect([...stories.values()].some((members) => members.length > 2)).toBe(true);
    for (const order of ['top', 'latest', 'trending'] as const) {
      const ids = (await river(order)).map((card) => card.storyId);
      expect(ids.length, order).toBe(stories.size);
      expect(new Set(ids), order).toEqual(new Set(stories.keys()));
    }
  });

  it('shows each story as its lead: the best quality, then the newest, with every other outlet once and N sources', async () => {
    const stories = await publishedMembers();
    for (const card of await river('latest')) {
      const members = stories.get(card.storyId)!;
      const best = [...members].sort(
        (a, b) => b.qualityRank - a.qualityRank || b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id,
      )[0]!;
      expect(card.id, card.title).toBe(best.id);
      const outlets = card.related.map((link) => outletKey(link));
      expect(new Set(outlets).size, card.title).toBe(outlets.length);
      expect(outlets).not.toContain(outletKey({ sourceDomain: card.source.domain, sourceName: null, url: null }));
      const urls = card.related.flatMap((link) => (link.url ? [normaliseUrl(link.url) ?? link.url] : []));
      expect(new Set(urls).size).toBe(urls.length);
      expect(card.sources).toBe(1 + card.related.length);
      // Every member's outlet is there, unless the member is the same URL as one already listed.
      const shownUrls = new Set([card.url, ...card.related.map((link) => link.url)].map((url) => url && normaliseUrl(url)));
      for (const member of members) {
        const domain = member.source.domain.replace(/^www\./, '');
        if (shownUrls.has(member.webUrl && normaliseUrl(member.webUrl))) continue;
        expect([card.source.domain.replace(/^www\./, ''), ...outlets], card.title).toContain(domain);
      }
    }
  });

  it('gives the same order in one long page (the article walk crosses several batches) as page by page', async () => {
    for (const order of ['top', 'latest', 'trending'] as const) {
      const paged = (await river(order)).map((card) => card.storyId);
      const whole = (await listStories(order, undefined, {}, 1_000)).stories.map((card) => card.storyId);
      expect(whole, order).toEqual(paged);
    }
  });

  it('ranks Top by the best quality and Trending by the combined heat of the published members', async () => {
    const stories = await publishedMembers();
    const bestQuality = (card: StoryCard) => Math.max(...stories.get(card.storyId)!.map((member) => member.qualityRank));
    const top = (await river('top')).map(bestQuality);
    expect(top).toEqual([...top].sort((a, b) => b - a));
    const combined = (card: StoryCard) => {
      const members = stories.get(card.storyId)!;
      const heats = members.flatMap((member) => (member.heat !== null && member.heat >= 0 ? [member.heat] : []));
      const newest = new Date(Math.max(...members.map((member) => member.publishedAt.getTime())));
      return trendingRank(heats.length ? heats.reduce((a, b) => a + b, 0) : null, newest);
    };
    const trending = (await river('trending')).map(combined);
    for (let i = 1; i < trending.length; i++) expect(trending[i]!).toBeLessThanOrEqual(trending[i - 1]! + 1e-6);
  });
});

describe('the story page and visibility', () => {
  it('finds the story from any member’s address and shows the whole coverage, newest first, each URL once', async () => {
    const stories = await publishedMembers();
    const [storyId, members] = [...stories].find(([, group]) => group.length >= 3)!;
    const pages = await Promise.all(members.map((member) => getStory(member.id)));
    const lead = pages[0]!;
    for (const page of pages) expect(page).toMatchObject({ id: lead.id, storyId });
    const memberLinks = lead.related.filter((link) => link.member);
    expect(memberLinks).toHaveLength(members.length - 1);
    const urls = lead.related.flatMap((link) => (link.url ? [normaliseUrl(link.url)] : []));
    expect(new Set(urls).size).toBe(urls.length);
    const times = lead.related.flatMap((link) => (link.publishedAt ? [link.publishedAt] : []));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('never shows an unpublished or not-yet-scheduled member, and a story with none does not exist', async () => {
    const db = getDb();
    const stories = await publishedMembers();
    const [storyId, members] = [...stories].find(([, group]) => group.length >= 2)!;
    const card = (await river('latest')).find((candidate) => candidate.storyId === storyId)!;
    // The lead is scheduled for tomorrow: another member leads, and the lead's address no longer answers.
    await db.article.update({ where: { id: card.id }, data: { publishAt: new Date(Date.now() + 86_400_000) } });
    const next = (await river('latest')).find((candidate) => candidate.storyId === storyId)!;
    expect(next.id).not.toBe(card.id);
    expect((await getStory(next.id))!.related.filter((link) => link.member)).toHaveLength(members.length - 2);
    expect(await getStory(card.id)).toBeNull();
    // Every member taken down: the story is gone from the river, its pages and search.
    await db.article.updateMany({ where: { storyId }, data: { published: false } });
    expect((await river('top')).some((candidate) => candidate.storyId === storyId)).toBe(false);
    for (const member of members) expect(await getStory(member.id)).toBeNull();
    expect((await searchStories(card.title.split(' ').slice(0, 4).join(' '))).hits.some((hit) => hit.storyId === storyId)).toBe(false);
    await db.article.updateMany({ where: { id: { in: members.map((member) => member.id) } }, data: { published: true } });
    await db.article.update({ where: { id: card.id }, data: { publishAt: null } });
  });

  it('search shows one hit per story', async () => {
    const results = await searchStories('carbon footprint artificial intelligence');
    expect(results.hits.length).toBeGreaterThan(0);
    const ids = results.hits.map((hit) => hit.storyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(results.total).toBe(ids.length);
  });
});
