/**
 * Trending: heat decayed by age, with a half-life.
 *
 *   trending(now) = heat × 2^(−(now − publishedAt) / halfLife)
 *
 * Comparing two articles at any fixed `now`, the ratio of their scores does
 * not depend on `now`, so the order is the same as the order of
 *
 *   log2(heat + 1) + publishedAt / halfLife
 *
 * (heat + 1 keeps a heat of 0 finite). That key is stored per article and
 * indexed: the Trending river is an index scan, and its cursor pagination is
 * stable because the key never changes while time passes.
 */
import { isScore } from './score';

export const TRENDING_HALF_LIFE_HOURS = 12;

const HOUR_MS = 3_600_000;

/**
 * Articles without a heat (absent, or a negative "not computed" sentinel)
 * sort after every article with one (within them, newest first). Any published date between years −9000 and 9000 keeps the
 * two groups apart: |publishedAt / halfLife| stays under 7 × 10⁶.
 */
export const NO_HEAT_OFFSET = -1e7;

export function trendingRank(heat: number | null | undefined, publishedAt: Date): number {
  const age = publishedAt.getTime() / HOUR_MS / TRENDING_HALF_LIFE_HOURS;
  if (!isScore(heat)) return NO_HEAT_OFFSET + age;
  return Math.log2(heat + 1) + age;
}

/** The decayed score itself, for display and for checking the rank's order. */
export function trendingScore(heat: number, publishedAt: Date, now: Date): number {
  const ageHours = (now.getTime() - publishedAt.getTime()) / HOUR_MS;
  return heat * 2 ** (-ageHours / TRENDING_HALF_LIFE_HOURS);
}

/**
 * Quality as a sort key: absent and sentinel (negative) scores are all -1,
 * below every real score, in either direction of every order on both
 * engines; among them, the orders' tie-breakers (date, id) decide.
 */
export function qualityRank(quality: number | null | undefined): number {
  return isScore(quality) ? quality : -1;
}

/** Heat as a sort key, like `qualityRank`: absent and sentinel heat are -1. */
export function heatRank(heat: number | null | undefined): number {
  return isScore(heat) ? heat : -1;
}
