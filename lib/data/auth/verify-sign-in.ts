import 'server-only';
import { decoyPasswordHash, verifyPassword } from '../../auth/password';
import type { TRole } from '../../auth/roles';
import type { DbClient } from '../../db/client';
import { checkRateLimit, clearRateLimit, LOGIN_LIMITS, recordFailure } from './rate-limit';

export type SignInUser = { id: string; email: string; name: string | null; role: TRole };

export type SignInOutcome = { ok: true; user: SignInUser } | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterMs?: number };

/**
 * Checks an email and password. An unknown email, a wrong password and a
 * disabled account all fail the same way (and take as long), so the answer
 * says nothing about which accounts exist.
 */
export async function verifySignIn(db: DbClient, email: string, password: string, address: string): Promise<SignInOutcome> {
  const normalised = email.trim().toLowerCase();
  const accountKey = `login:account:${normalised}`;
  const addressKey = `login:address:${address}`;
  for (const [key, limit] of [
    [accountKey, LOGIN_LIMITS.account],
    [addressKey, LOGIN_LIMITS.address],
  ] as const) {
    const state = await checkRateLimit(db, key, limit);
    if (state.blocked) return { ok: false, reason: 'rate-limited', retryAfterMs: state.retryAfterMs };
  }
  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) {
    await recordFailure(db, accountKey, LOGIN_LIMITS.account);
    await recordFailure(db, addressKey, LOGIN_LIMITS.address);
    return { ok: false, reason: 'invalid' };
  }
  await clearRateLimit(db, accountKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as TRole } };
}
