import { describe, expect, it } from 'vitest';
import { HARD_NEGATIVES, labelledStories, newsroomClusterInputs, pathOfId } from '../../test/fixtures/newsroom/corpus';
import { compareCanonical } from './canonical-order';
import type { ClusterInput } from './cluster-input';
import { clusterArticles } from './cluster-articles';
import { compareArticles } from './compare-articles';
import { pairwiseQuality } from './pairwise-quality';

/** Deterministic shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const inputs = newsroomClusterInputs();
const stories = clusterArticles(inputs);
const leaderOf = new Map<string, string>();
for (const story of stories) for (const key of story) leaderOf.set(key, story[0]!);

describe('clusterArticles on the labelled newsroom corpus', () => {
  it('reaches pairwise precision >= 0.9 and recall >= 0.8', () => {
    const quality = pairwiseQuality(stories, labelledStories());
    console.log(
      `newsroom corpus: precision ${quality.precision.toFixed(3)} (${quality.correctPairs}/${quality.predictedPairs}), ` +
        `recall ${quality.recall.toFixed(3)} (${quality.correctPairs}/${quality.truePairs}), F1 ${quality.f1.toFixed(3)}`,
    );
    expect(quality.precision).toBeGreaterThanOrEqual(0.9);
    expect(quality.recall).toBeGreaterThanOrEqual(0.8);
  });

  it.each(HARD_NEGATIVES.map((negative) => [`${negative.kind}: ${negative.a} / ${negative.b}`, negative] as const))(
    'keeps the hard negative %s apart',
    (_, negative) => {
      expect(leaderOf.get(pathOfId(negative.a))).not.toBe(leaderOf.get(pathOfId(negative.b)));
    },
  );

  it('puts every article in exactly one story, in canonical order, stories ordered by leader', () => {
    const byKey = new Map(inputs.map((input) => [input.key, input]));
    const all = stories.flat();
    expect(all.length).toBe(inputs.length);
    expect(new Set(all)).toEqual(new Set(inputs.map((input) => input.key)));
    for (const story of stories) {
      const members = story.map((key) => byKey.get(key)!);
      expect([...members].sort(compareCanonical).map((member) => member.key)).toEqual(story);
    }
    const leaders = stories.map((story) => byKey.get(story[0]!)!);
    expect([...leaders].sort(compareCanonical)).toEqual(leaders);
  });

  it('bounds every story by its leader: each member compares as the same story with it', () => {
    const byKey = new Map(inputs.map((input) => [input.key, input]));
    for (const story of stories) {
      const leader = byKey.get(story[0]!)!;
      for (const key of story.slice(1))
        expect(compareArticles(leader, byKey.get(key)!).same, `${key} in the story of ${leader.key}`).toBe(true);
    }
  });

  it('gives the same stories whatever order the articles come in', () => {
    for (const seed of [1, 2, 3, 42, 2021]) expect(clusterArticles(shuffled(inputs, seed))).toEqual(stories);
    expect(clusterArticles([...inputs].reverse())).toEqual(stories);
  });
});

describe('clusterArticles', () => {
  const at = (hours: number) => new Date(Date.parse('2021-03-01T08:00:00Z') + hours * 3_600_000);
  const article = (key: string, title: string, hours: number, extra: Partial<ClusterInput> = {}): ClusterInput => ({
    key,
    title,
    excerpt: null,
    publishedAt: at(hours),
    urls: [`https://example.com/${key}`],
    relatedUrls: [],
    sourceDomain: 'example.com',
    ...extra,
  });

  it('does not let a chain of weakly similar headlines grow one story', () => {
    // Each headline shares six of its seven words with the next one, so every
    // neighbour pair is near-identical, while the ends have nothing in common.
    const words = [
      'quantum',
      'lidar',
      'startup',
      'ouster',
      'velodyne',
      'merger',
      'shareholders',
      'approve',
      'nasdaq',
      'listing',
      'sensor',
      'fusion',
      'tender',
    ];
    const chain = Array.from({ length: words.length - 6 }, (_, i) => article(`chain/${i}.md`, words.slice(i, i + 7).join(' '), i));
    for (let i = 1; i < chain.length; i++) expect(compareArticles(chain[i - 1]!, chain[i]!).same).toBe(true);
    expect(compareArticles(chain[0]!, chain[chain.length - 1]!).same).toBe(false);

    const result = clusterArticles(chain);
    expect(result.length).toBeGreaterThan(1);
    const byKey = new Map(chain.map((link) => [link.key, link]));
    for (const story of result) {
      for (const key of story.slice(1)) expect(compareArticles(byKey.get(story[0]!)!, byKey.get(key)!).same).toBe(true);
    }
  });

  it('lets only an identical URL reach past the window', () => {
    const first = article('a.md', 'Amazon to buy iRobot for $1.7 billion', 0, { urls: ['https://www.axios.com/amazon-irobot'] });
    const copy = article('b.md', 'Amazon to buy iRobot for $1.7 billion', 80);
    const recrawl = article('c.md', 'Amazon’s Roomba deal: what it means', 24 * 30, {
      urls: ['http://axios.com/amazon-irobot/?utm_source=twitter'],
    });
    expect(clusterArticles([copy, recrawl, first])).toEqual([['a.md', 'c.md'], ['b.md']]);
    expect(clusterArticles([copy, recrawl, first], { windowHours: 96 })).toEqual([['a.md', 'b.md', 'c.md']]);
  });

  it('joins the best-matching story when several leaders qualify, not the first', () => {
    const words = (...picked: string[]) => picked.join(' ');
    const earlier = article('1.md', words('ouster', 'velodyne', 'lidar', 'merger', 'shareholders', 'vote', 'tender', 'offer'), 0);
    const later = article('2.md', words('ouster', 'velodyne', 'lidar', 'merger', 'shareholders', 'vote', 'closing'), 1);
    const next = article('3.md', words('ouster', 'velodyne', 'lidar', 'merger', 'shareholders', 'vote', 'closing', 'tender'), 2);
    expect(compareArticles(earlier, later).same).toBe(false);
    const toEarlier = compareArticles(earlier, next);
    const toLater = compareArticles(later, next);
    expect(toEarlier.same && toLater.same).toBe(true);
    expect(toLater.score).toBeGreaterThan(toEarlier.score);
    expect(clusterArticles([next, later, earlier])).toEqual([['1.md'], ['2.md', '3.md']]);
  });

  it('handles no articles, and refuses a key given twice', () => {
    expect(clusterArticles([])).toEqual([]);
    const one = article('same.md', 'Intel unveils Loihi 2', 0);
    expect(() => clusterArticles([one, { ...one, publishedAt: at(5) }])).toThrow(/appears twice/);
  });
});
