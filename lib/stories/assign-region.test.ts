/**
 * The incremental contract (docs/clustering.md, "Incremental assignment"):
 * an in-memory stand-in for the database integration assigns articles as they
 * arrive, or leave, by re-running assignRegion over the affected region with
 * context found only through candidateTerms and identityUrls, and must end
 * with exactly the batch result.
 */
import { describe, expect, it } from 'vitest';
import { newsroomClusterInputs } from '../../test/fixtures/newsroom/corpus';
import { assignRegion, assignStories, type PriorStory, type StoryAssignment } from './assign-stories';
import { candidateTerms, identityUrls } from './candidate-terms';
import { compareCanonical, sortCanonical } from './canonical-order';
import type { ClusterInput } from './cluster-input';

const WINDOW_HOURS = 72;
const WINDOW_MS = WINDOW_HOURS * 3_600_000;

function asMap(assignments: readonly StoryAssignment[]): Map<string, string> {
  return new Map(assignments.map(({ key, leaderKey }) => [key, leaderKey]));
}

/** What the database holds: articles, their story leader, and the two indexes. */
class StoryStore {
  articles: ClusterInput[] = [];
  leaderOf = new Map<string, string>();
  regionRuns = 0;
  widenings = 0;

  /** Leaders published in [from, before) sharing a candidate term with `terms`: the full-text query. */
  private leadersSharingTerms(terms: ReadonlySet<string>, from: number, beforeIndex: number): ClusterInput[] {
    return this.articles
      .slice(0, beforeIndex)
      .filter((a) => this.leaderOf.get(a.key) === a.key && a.publishedAt.getTime() >= from && candidateTerms(a).some((t) => terms.has(t)));
  }

  /** Articles before the region holding one of `urls`: the URL index. */
  private holders(urls: ReadonlySet<string>, beforeIndex: number): ClusterInput[] {
    return this.articles.slice(0, beforeIndex).filter((a) => identityUrls(a).some((url) => urls.has(url)));
  }

  private priorStories(region: readonly ClusterInput[], startIndex: number): PriorStory[] {
    const terms = new Set(region.flatMap(candidateTerms));
    const urls = new Set(region.flatMap(identityUrls));
    const from = region[0]!.publishedAt.getTime() - WINDOW_MS;
    const leaderKeys = new Set([
      ...this.leadersSharingTerms(terms, from, startIndex).map((a) => a.key),
      ...this.holders(urls, startIndex).map((a) => this.leaderOf.get(a.key)!),
    ]);
    const before = this.articles.slice(0, startIndex);
    const byKey = new Map(before.map((a) => [a.key, a]));
    return [...leaderKeys].map((leaderKey) => ({
      leader: byKey.get(leaderKey)!,
      urls: before.filter((a) => this.leaderOf.get(a.key) === leaderKey).flatMap(identityUrls),
    }));
  }

  /** Re-assigns from `startIndex`, widening forward while assignments keep changing. */
  private reassignFrom(startIndex: number, changed: ClusterInput[]) {
    if (startIndex >= this.articles.length) return;
    let end = Math.max(...changed.map((a) => a.publishedAt.getTime())) + WINDOW_MS;
    for (;;) {
      const changedUrls = new Set(changed.flatMap(identityUrls));
      for (const a of this.articles.slice(startIndex)) {
        if (identityUrls(a).some((url) => changedUrls.has(url))) end = Math.max(end, a.publishedAt.getTime());
      }
      const region = this.articles.slice(startIndex).filter((a) => a.publishedAt.getTime() <= end);
      if (region.length === 0) return;
      this.regionRuns++;
      const result = assignRegion(region, this.priorStories(region, startIndex), { windowHours: WINDOW_HOURS });
      const newlyChanged = result
        .filter(({ key, leaderKey }) => this.leaderOf.get(key) !== leaderKey)
        .map(({ key }) => region.find((a) => a.key === key)!);
      const widened = Math.max(end, ...newlyChanged.map((a) => a.publishedAt.getTime() + WINDOW_MS));
      const twinsBeyond = this.articles
        .slice(startIndex)
        .some(
          (a) => a.publishedAt.getTime() > end && identityUrls(a).some((url) => newlyChanged.some((c) => identityUrls(c).includes(url))),
        );
      if (widened <= end && !twinsBeyond) {
        for (const { key, leaderKey } of result) this.leaderOf.set(key, leaderKey);
        return;
      }
      changed = [...changed, ...newlyChanged];
      end = widened;
      this.widenings++;
    }
  }

  insert(article: ClusterInput) {
    this.articles = sortCanonical([...this.articles, article]);
    this.reassignFrom(this.articles.indexOf(article), [article]);
  }

  remove(key: string) {
    const index = this.articles.findIndex((a) => a.key === key);
    const [removed] = this.articles.splice(index, 1);
    this.leaderOf.delete(key);
    // Whoever followed the removed article may now lead, or join elsewhere.
    for (const [member, leader] of this.leaderOf) if (leader === key) this.leaderOf.delete(member);
    this.reassignFrom(index, [removed!]);
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const inputs = newsroomClusterInputs();

describe('assignRegion', () => {
  it('re-assigns a suffix exactly as the batch did, given the stories that began before it', () => {
    const ordered = sortCanonical(inputs);
    const batch = asMap(assignStories(ordered));
    for (const split of [1, 40, 120, 200, ordered.length - 1]) {
      const before = ordered.slice(0, split);
      const leaders = before.filter((a) => batch.get(a.key) === a.key);
      const priorStories = leaders.map((leader) => ({
        leader,
        urls: before.filter((a) => batch.get(a.key) === leader.key).flatMap(identityUrls),
      }));
      const region = assignRegion(shuffled(ordered.slice(split), split), priorStories);
      for (const { key, leaderKey } of region) expect(leaderKey, key).toBe(batch.get(key));
    }
  });

  it('refuses a prior story that does not begin before the region', () => {
    const ordered = sortCanonical(inputs);
    expect(() => assignRegion(ordered.slice(0, 5), [{ leader: ordered[3]!, urls: [] }])).toThrow(/does not begin before/);
  });

  it('ends where the batch does when articles arrive one by one in any order', () => {
    const batch = asMap(assignStories(inputs));
    for (const seed of [7, 99]) {
      const store = new StoryStore();
      for (const article of shuffled(inputs, seed)) store.insert(article);
      expect(store.leaderOf).toEqual(batch);
      // Some arrivals did change later assignments, so the widening was exercised.
      expect(store.widenings).toBeGreaterThan(0);
      expect(store.regionRuns).toBeLessThan(inputs.length * 3);
    }
  });

  it('widens the region forward while an arrival keeps changing later assignments', () => {
    // Neighbours are near-identical and 60 h apart; every other one is not.
    // Without the first article, 1 leads {1, 2} and 3 leads {3, 4}; with it,
    // 0 leads {0, 1}, 2 leads {2, 3} and 4 leads alone: one arrival changes
    // assignments three windows later.
    const words = ['ouster', 'velodyne', 'lidar', 'merger', 'shareholders', 'vote', 'closing', 'tender', 'offer', 'sensor', 'fusion'];
    const chain: ClusterInput[] = Array.from({ length: 5 }, (_, i) => ({
      key: `chain/${i}.md`,
      title: words.slice(i, i + 7).join(' '),
      excerpt: null,
      publishedAt: new Date(Date.parse('2021-03-01T00:00:00Z') + i * 60 * 3_600_000),
      urls: [`https://example.com/chain/${i}`],
      relatedUrls: [],
      sourceDomain: 'example.com',
    }));
    const store = new StoryStore();
    for (const article of [...chain].reverse()) store.insert(article);
    expect(store.leaderOf).toEqual(asMap(assignStories(chain)));
    expect(store.leaderOf.get('chain/4.md')).toBe('chain/4.md');
    expect(store.widenings).toBeGreaterThan(0);
  });

  it('ends where the batch does when articles are removed', () => {
    const store = new StoryStore();
    for (const article of [...inputs].sort(compareCanonical)) store.insert(article);
    const removed = new Set(
      shuffled(inputs, 5)
        .slice(0, 30)
        .map((a) => a.key),
    );
    for (const key of removed) store.remove(key);
    expect(store.leaderOf).toEqual(asMap(assignStories(inputs.filter((a) => !removed.has(a.key)))));
  });
});
