import 'server-only';
import type { DbClient } from '../../db/client';

/**
 * The sign-in policy (docs/security.md explains the choice):
 *
 * - `pair`: attempts per account *and* client address. One address gets 5
 *   guesses at one account per 15 minutes; a stranger's failures never touch
 *   the owner's own pair.
 * - `address`: attempts per address over all accounts (password spraying).
 * - `account`: attempts per account from every address. The first
 *   `freeAttempts` in a day pass; after that, an address the account has not
 *   signed in from before waits for the account's gate, which opens once per
 *   delay, the delay doubling with each attempt up to `maxDelayMs`. However
 *   many addresses an attacker has, the account gets at most
 *   freeAttempts + one guess per maxDelayMs a day — and the owner, from an
 *   address they signed in from within `knownAddressMs`, is never held at
 *   the gate, so nobody can lock them out.
 *
 * Every attempt is counted in the database *before* the password is checked,
 * by an atomic increment, so parallel attempts cannot all slip past a check.
 */
export const LOGIN_POLICY = {
  pair: { limit: 5, windowMs: 15 * 60_000 },
  address: { limit: 30, windowMs: 15 * 60_000 },
  account: { freeAttempts: 5, windowMs: 24 * 3600_000, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  knownAddressMs: 30 * 24 * 3600_000,
} as const;

export type Counted = { count: number; windowEndsAt: Date };

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Counts one attempt against `key` in a fixed window and answers the count
 * including it. The increment is one UPDATE; a new or expired window is
 * started by an insert or a compare-and-swap on its end, so concurrent
 * callers (on any number of instances) never lose a count, and exactly
 * `limit` of them see a count within `limit`.
 */
export async function countAttempt(db: DbClient, key: string, windowMs: number, now = new Date()): Promise<Counted> {
  for (let tries = 0; tries < 8; tries++) {
    // One UPDATE … RETURNING: the count read back is the one this increment made.
    const incremented = await db.rateLimitCounter
      .update({ where: { key, windowEndsAt: { gt: now } }, data: { count: { increment: 1 } } })
      .catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
    if (incremented) return { count: incremented.count, windowEndsAt: incremented.windowEndsAt };
    const windowEndsAt = new Date(now.getTime() + windowMs);
    const existing = await db.rateLimitCounter.findUnique({ where: { key } });
    if (!existing) {
      try {
        await db.rateLimitCounter.create({ data: { key, count: 1, windowEndsAt } });
        return { count: 1, windowEndsAt };
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    if (existing.windowEndsAt > now) continue;
    const restarted = await db.rateLimitCounter.updateMany({
      where: { key, windowEndsAt: existing.windowEndsAt },
      data: { count: 1, windowEndsAt },
    });
    if (restarted.count === 1) return { count: 1, windowEndsAt };
  }
  // Lost every race: refuse rather than let an attempt through uncounted.
  return { count: Number.MAX_SAFE_INTEGER, windowEndsAt: new Date(now.getTime() + windowMs) };
}

/** Takes back one attempt (a successful sign-in), never below zero. */
export async function uncountAttempt(db: DbClient, key: string, now = new Date()): Promise<void> {
  await db.rateLimitCounter.updateMany({ where: { key, count: { gt: 0 }, windowEndsAt: { gt: now } }, data: { count: { decrement: 1 } } });
}

/**
 * Passes the gate named `key` if it is open, closing it for `delayMs`: a
 * compare-and-swap, so of any number of concurrent callers exactly one passes.
 * Otherwise answers how long until it opens.
 */
export async function passGate(
  db: DbClient,
  key: string,
  delayMs: number,
  now = new Date(),
): Promise<{ passed: boolean; retryAfterMs: number }> {
  const opensAt = new Date(now.getTime() + delayMs);
  const existing = await db.rateLimitCounter.findUnique({ where: { key } });
  if (!existing) {
    try {
      await db.rateLimitCounter.create({ data: { key, count: 1, windowEndsAt: opensAt } });
      return { passed: true, retryAfterMs: 0 };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const row = await db.rateLimitCounter.findUnique({ where: { key } });
      return { passed: false, retryAfterMs: Math.max(0, (row?.windowEndsAt.getTime() ?? opensAt.getTime()) - now.getTime()) };
    }
  }
  if (existing.windowEndsAt > now) return { passed: false, retryAfterMs: existing.windowEndsAt.getTime() - now.getTime() };
  const swapped = await db.rateLimitCounter.updateMany({
    where: { key, windowEndsAt: existing.windowEndsAt },
    data: { count: existing.count + 1, windowEndsAt: opensAt },
  });
  return swapped.count === 1 ? { passed: true, retryAfterMs: 0 } : { passed: false, retryAfterMs: delayMs };
}

/** Whether `key` is set and unexpired (a remembered address). */
export async function isMarked(db: DbClient, key: string, now = new Date()): Promise<boolean> {
  const row = await db.rateLimitCounter.findUnique({ where: { key } });
  return row !== null && row.windowEndsAt > now;
}

/** Sets `key` until `until` (a remembered address). */
export async function mark(db: DbClient, key: string, until: Date): Promise<void> {
  try {
    await db.rateLimitCounter.upsert({ where: { key }, create: { key, count: 1, windowEndsAt: until }, update: { windowEndsAt: until } });
  } catch (error) {
    // Two sign-ins marking the same address at once: the other one set it.
    if (!isUniqueViolation(error)) throw error;
  }
}

export async function clearCounter(db: DbClient, key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}

/** Deletes every counter, gate and mark whose window has ended; answers how many. */
export async function purgeExpiredCounters(db: DbClient, now = new Date()): Promise<number> {
  return (await db.rateLimitCounter.deleteMany({ where: { windowEndsAt: { lte: now } } })).count;
}
