import 'server-only';
import type { DbClient } from '../../db/client';

/** Revokes one of the user's own tokens; false when they have no such token. */
export async function revokeApiToken(db: DbClient, userId: string, tokenId: string): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count > 0;
}
