import 'server-only';
import type { DbClient } from '../../db/client';

export type RateLimit = { limit: number; windowMs: number };

/**
 * Sign-in attempts that failed, counted per account and per client address in
 * fixed windows. The counters live in the database, so every app instance
 * sees the same numbers.
 */
export const LOGIN_LIMITS = {
  account: { limit: 5, windowMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

export type RateLimitState = { blocked: boolean; retryAfterMs: number };

export async function checkRateLimit(db: DbClient, key: string, { limit }: RateLimit, now = new Date()): Promise<RateLimitState> {
  const counter = await db.rateLimitCounter.findUnique({ where: { key } });
  if (!counter || counter.windowEndsAt <= now || counter.count < limit) return { blocked: false, retryAfterMs: 0 };
  return { blocked: true, retryAfterMs: counter.windowEndsAt.getTime() - now.getTime() };
}

/**
 * Counts one failure. Inside a live window the increment is a single atomic
 * UPDATE, so concurrent failures on several instances are all counted.
 */
export async function recordFailure(db: DbClient, key: string, { windowMs }: RateLimit, now = new Date()): Promise<number> {
  const incremented = await db.rateLimitCounter.updateMany({
    where: { key, windowEndsAt: { gt: now } },
    data: { count: { increment: 1 } },
  });
  if (incremented.count === 0) {
    const windowEndsAt = new Date(now.getTime() + windowMs);
    await db.rateLimitCounter.upsert({ where: { key }, create: { key, count: 1, windowEndsAt }, update: { count: 1, windowEndsAt } });
    return 1;
  }
  return (await db.rateLimitCounter.findUnique({ where: { key } }))?.count ?? 1;
}

export async function clearRateLimit(db: DbClient, key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}
