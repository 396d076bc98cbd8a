import 'server-only';
import type { DbClient } from '../../db/client';
import { ACTIVE_USER_SELECT, type ActiveUser } from '../auth/find-active-user';
import type { TRole } from '../../auth/roles';
import { hashApiToken, TOKEN_PREFIX } from './api-token-hash';

const LAST_USED_PRECISION_MS = 60_000;

/** The active owner of a live (unrevoked, unexpired) token, or null. Records when the token was last used (to the minute). */
export async function findUserByApiToken(db: DbClient, token: string): Promise<ActiveUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      expiresAt: true,
      user: { select: ACTIVE_USER_SELECT },
    },
  });
  const now = new Date();
  if (!record || record.revokedAt || record.user.disabledAt || (record.expiresAt && record.expiresAt <= now)) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { disabledAt: _disabledAt, ...user } = record.user;
  return { ...user, role: user.role as TRole };
}
