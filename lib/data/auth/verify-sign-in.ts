import 'server-only';
import { createHash } from 'node:crypto';
import { decoyPasswordHash, verifyPassword } from '../../auth/password';
import type { TRole } from '../../auth/roles';
import type { DbClient } from '../../db/client';
import { clearCounter, countAttempt, isMarked, LOGIN_POLICY, mark, passGate, purgeExpiredCounters, uncountAttempt } from './rate-limit';

export type SignInUser = { id: string; email: string; name: string | null; role: TRole; mustChangePassword: boolean };

export type SignInOutcome = { ok: true; user: SignInUser } | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterMs?: number };

/** Counters expire by the minute; one purge a minute per instance keeps the table to live ones. */
const PURGE_EVERY_MS = 60_000;
const state = globalThis as typeof globalThis & { __newsdeskLastCounterPurge?: number };

/** Keys hold a digest, not the email: the counter table says nothing about who was tried. */
function keyOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32);
}

/** The delay of the account's gate for its `count`-th attempt of the day. */
export function accountDelayMs(count: number): number {
  const { freeAttempts, firstDelayMs, maxDelayMs } = LOGIN_POLICY.account;
  const over = count - freeAttempts - 1;
  return over < 0 ? 0 : Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(over, 30));
}

/**
 * Checks an email and password under the sign-in policy (LOGIN_POLICY in
 * ./rate-limit.ts). An unknown email, a wrong password and a disabled account
 * all fail the same way and take as long — the same counters are kept for
 * every email, and an unknown one is checked against a decoy hash — so the
 * answer says nothing about which accounts exist.
 */
export async function verifySignIn(
  db: DbClient,
  email: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<SignInOutcome> {
  const normalised = email.trim().toLowerCase();
  if (Math.abs(now.getTime() - (state.__newsdeskLastCounterPurge ?? 0)) >= PURGE_EVERY_MS) {
    state.__newsdeskLastCounterPurge = now.getTime();
    await purgeExpiredCounters(db, now);
  }
  const keys = {
    address: `login:address:${keyOf(address)}`,
    pair: `login:pair:${keyOf(normalised, address)}`,
    account: `login:account:${keyOf(normalised)}`,
    gate: `login:gate:${keyOf(normalised)}`,
    known: `login:known:${keyOf(normalised, address)}`,
  };
  const limited = (windowEndsAt: Date): SignInOutcome => ({
    ok: false,
    reason: 'rate-limited',
    retryAfterMs: Math.max(0, windowEndsAt.getTime() - now.getTime()),
  });

  const byAddress = await countAttempt(db, keys.address, LOGIN_POLICY.address.windowMs, now);
  if (byAddress.count > LOGIN_POLICY.address.limit) return limited(byAddress.windowEndsAt);
  const byPair = await countAttempt(db, keys.pair, LOGIN_POLICY.pair.windowMs, now);
  if (byPair.count > LOGIN_POLICY.pair.limit) return limited(byPair.windowEndsAt);
  const byAccount = await countAttempt(db, keys.account, LOGIN_POLICY.account.windowMs, now);
  if (byAccount.count > LOGIN_POLICY.account.freeAttempts && !(await isMarked(db, keys.known, now))) {
    const gate = await passGate(db, keys.gate, accountDelayMs(byAccount.count), now);
    if (!gate.passed) return { ok: false, reason: 'rate-limited', retryAfterMs: gate.retryAfterMs };
  }

  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, passwordHash: true, mustChangePassword: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? decoyPasswordHash(), password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'invalid' };

  // A success takes its attempt back and remembers the address for the owner.
  await clearCounter(db, keys.pair);
  await uncountAttempt(db, keys.address, now);
  await uncountAttempt(db, keys.account, now);
  await mark(db, keys.known, new Date(now.getTime() + LOGIN_POLICY.knownAddressMs));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role as TRole, mustChangePassword: user.mustChangePassword },
  };
}
