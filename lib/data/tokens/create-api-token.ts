import 'server-only';
import type { DbClient } from '../../db/client';
import { hashApiToken, newApiToken } from './api-token-hash';

/** Creates a token for the user; the token itself is returned this once and never stored. */
export async function createApiToken(db: DbClient, userId: string, name: string, expiresAt: Date | null = null) {
  const token = newApiToken();
  const record = await db.apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), expiresAt },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
  });
  return { ...record, token };
}
