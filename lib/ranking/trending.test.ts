import { describe, expect, it } from 'vitest';
import { NO_HEAT_OFFSET, TRENDING_HALF_LIFE_HOURS, heatRank, qualityRank, trendingRank, trendingScore } from './trending';

const hours = (n: number) => n * 3_600_000;

describe('trending', () => {
  it('halves a score every half-life', () => {
    const published = new Date('2024-01-01T00:00:00Z');
    const later = new Date(published.getTime() + hours(TRENDING_HALF_LIFE_HOURS));
    expect(trendingScore(200, published, later)).toBeCloseTo(100);
    expect(trendingScore(200, published, published)).toBe(200);
  });

  it('orders articles as their decayed scores do, at any moment', () => {
    const base = Date.parse('2024-01-01T00:00:00Z');
    const articles = [
      { heat: 100, publishedAt: new Date(base) },
      { heat: 400, publishedAt: new Date(base - hours(30)) },
      { heat: 10, publishedAt: new Date(base + hours(5)) },
      { heat: 0, publishedAt: new Date(base + hours(50)) },
      { heat: 1000, publishedAt: new Date(base - hours(200)) },
    ];
    const byRank = [...articles].sort((a, b) => trendingRank(b.heat, b.publishedAt) - trendingRank(a.heat, a.publishedAt));
    for (const now of [base + hours(60), base + hours(500), base + hours(5000)]) {
      // heat + 1 in the rank: compare the decayed (heat + 1) scores.
      const byScore = [...articles].sort(
        (a, b) => trendingScore(b.heat + 1, b.publishedAt, new Date(now)) - trendingScore(a.heat + 1, a.publishedAt, new Date(now)),
      );
      expect(byRank).toEqual(byScore);
    }
  });

  it('puts articles without heat after every article with heat, newest first among them', () => {
    const old = new Date('1990-01-01T00:00:00Z');
    const recent = new Date('2030-01-01T00:00:00Z');
    expect(trendingRank(null, recent)).toBeLessThan(trendingRank(0, old));
    expect(trendingRank(null, recent)).toBeGreaterThan(trendingRank(null, old));
    expect(trendingRank(undefined, recent)).toBeLessThan(NO_HEAT_OFFSET + 1e7);
  });

  it('sorts absent quality and heat last', () => {
    expect(qualityRank(null)).toBeLessThan(qualityRank(0));
    expect(qualityRank(134)).toBe(134);
    expect(heatRank(undefined)).toBeLessThan(heatRank(0));
    expect(heatRank(214)).toBe(214);
  });

  it('ranks negative "not computed" sentinels exactly like absent scores', () => {
    const published = new Date('2024-01-01T00:00:00Z');
    for (const sentinel of [-1, -5, -2_147_483_648]) {
      expect(qualityRank(sentinel)).toBe(qualityRank(null));
      expect(heatRank(sentinel)).toBe(heatRank(null));
      expect(trendingRank(sentinel, published)).toBe(trendingRank(null, published));
    }
    expect(qualityRank(-1)).toBeLessThan(qualityRank(0));
  });
});
