import 'server-only';
import type { DbClient } from '../../db/client';
import type { ActiveUser } from '../auth/find-active-user';
import type { TRole } from '../../auth/roles';
import { hashApiToken, TOKEN_PREFIX } from './api-token-hash';

const LAST_USED_PRECISION_MS = 60_000;

/** The active owner of a live token, or null. Records when the token was last used (to the minute). */
export async function findUserByApiToken(db: DbClient, token: string): Promise<ActiveUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!record || record.revokedAt || record.user.disabledAt) return null;
  const now = new Date();
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { id, email, name, role } = record.user;
  return { id, email, name, role: role as TRole };
}
