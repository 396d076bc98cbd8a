/**
 * The labelled newsroom corpus stays well-formed and keeps the traits of real
 * producer data the rest of the team relies on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { HARD_NEGATIVES, STORY_GROUPS, labelledStories, newsroomClusterInputs, newsroomCorpus } from '../../test/fixtures/newsroom/corpus';
import { SEED_RECORD } from '../../test/fixtures/newsroom/seed-record';
import { writeNewsroomSeeds } from '../../test/fixtures/newsroom/write-newsroom-seeds';
import { identityUrls } from './candidate-terms';

const corpus = newsroomCorpus();
const records = corpus.map(({ record }) => record);
const share = (count: number) => count / records.length;

describe('the newsroom corpus', () => {
  it('has 150–250+ records, labels that name real records, and no record in two stories', () => {
    expect(records.length).toBeGreaterThanOrEqual(150);
    const stories = labelledStories();
    expect(stories.flat().length).toBe(records.length);
    const groupOf = new Map(STORY_GROUPS.flatMap((group, index) => group.ids.map((id) => [id, index] as const)));
    const ids = new Set(corpus.map(({ id }) => id));
    for (const negative of HARD_NEGATIVES) {
      expect(ids.has(negative.a) && ids.has(negative.b), `${negative.a} / ${negative.b}`).toBe(true);
      const group = groupOf.get(negative.a);
      expect(group === undefined || group !== groupOf.get(negative.b), `${negative.a} / ${negative.b} labelled as one story`).toBe(true);
    }
    for (const kind of ['templated-release', 'analyst-template', 'follow-up', 'preview-vs-release', 'related-lists-only'] as const) {
      expect(HARD_NEGATIVES.filter((negative) => negative.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('shares a URL between two records only when they are labelled one story', () => {
    const storyOf = new Map(labelledStories().flatMap((story, index) => story.map((key) => [key, index] as const)));
    const holder = new Map<string, string>();
    for (const input of newsroomClusterInputs()) {
      for (const url of identityUrls(input)) {
        const other = holder.get(url);
        if (other) expect(storyOf.get(other), `${other} and ${input.key} share ${url}`).toBe(storyOf.get(input.key));
        holder.set(url, input.key);
      }
    }
  });

  it('carries the producers’ sentinels and gaps', () => {
    const related = records.flatMap((record) => record.related ?? []);
    expect(share(records.filter((r) => r.heat === -1).length)).toBeGreaterThan(0.15);
    expect(share(records.filter((r) => r.heat === -1).length)).toBeLessThan(0.35);
    expect(records.filter((r) => r.quality === -1).length).toBeGreaterThanOrEqual(5);
    expect(related.filter((link) => link.quality === -1).length).toBeGreaterThanOrEqual(10);
    for (const field of ['originalUrl', 'quality', 'heat', 'published', 'images', 'topics', 'excerpt', 'related'] as const) {
      expect(records.filter((r) => r[field] === undefined).length, `records without ${field}`).toBeGreaterThan(0);
    }
    expect(records.filter((r) => r.published === false).length).toBeGreaterThan(0);
  });

  it('has the provider and URL oddities of real data', () => {
    expect(records.some((r) => r.provider.name.includes('%20'))).toBe(true);
    expect(records.some((r) => r.provider.domain.startsWith('www.'))).toBe(true);
    // A syndicated copy that names the original outlet on the syndicator's domain.
    expect(records.some((r) => r.provider.name === 'Reuters' && !r.provider.domain.includes('reuters'))).toBe(true);
    expect(records.some((r) => r.webUrl?.includes('utm_'))).toBe(true);
    expect(records.some((r) => r.webUrl?.includes('google-amp'))).toBe(true);
    expect(records.some((r) => r.cdnAmpWebUrl?.includes('cdn.ampproject.org'))).toBe(true);
  });

  it('covers the topics and years, with popular articles in many related lists', () => {
    const topics = new Set(records.flatMap((r) => r.topics ?? []));
    for (const topic of ['AI', 'Computer Vision', 'Robotics', 'Privacy', 'Climate', 'Chips']) expect(topics.has(topic), topic).toBe(true);
    for (const record of records) expect(record.publishedDateTime.slice(0, 4)).toMatch(/^202[012]$/);
    const listings = new Map<string, number>();
    for (const record of records) for (const link of record.related ?? []) listings.set(link.webUrl, (listings.get(link.webUrl) ?? 0) + 1);
    expect(Math.max(...listings.values())).toBeGreaterThanOrEqual(8);
  });

  it('includes the first real record unchanged', () => {
    const seed = parseArticleFile(readFileSync(join(process.cwd(), 'seeds', '000_5d57f64ee99b599b.txt'), 'utf8'));
    expect(seed.ok && seed.value.record).toEqual(SEED_RECORD);
    expect(corpus.find(({ id }) => id === '000_5d57f64ee99b599b')?.record).toEqual(SEED_RECORD);
  });
});

describe('writeNewsroomSeeds', () => {
  const folder = mkdtempSync(join(tmpdir(), 'newsroom-seeds-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const paths = writeNewsroomSeeds(folder);

  it('writes one <yyyy>/<mm>/<id>.md file per record', () => {
    expect(paths).toEqual(corpus.map(({ path }) => path));
    for (const path of paths) expect(path).toMatch(/^202[012]\/(0[1-9]|1[0-2])\/[\w-]+\.md$/);
  });

  it('writes files the parser reads back whole, the -1 sentinels included', () => {
    paths.forEach((path, index) => {
      const text = readFileSync(join(folder, path), 'utf8');
      const parsed = parseArticleFile(text);
      // Ingest keeps producers' sentinels verbatim (lib/ranking/score.ts ranks them as no score).
      expect(parsed.ok ? [] : parsed.errors, path).toEqual([]);
      if (!parsed.ok) return;
      expect(parsed.value.unknownKeys, path).toEqual([]);
      expect(parsed.value.record.title).toBe(corpus[index]!.record.title);
      if (/^heat: -1$/m.test(text)) expect(parsed.value.record.heat, path).toBe(-1);
    });
  });
});
