import 'server-only';
import type { DbClient } from '../../db/client';

/** Revokes anyone's token (an admin's call); answers its owner's id, or null when there is no such live token. */
export async function revokeAnyApiToken(db: DbClient, tokenId: string): Promise<string | null> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, revokedAt: true } });
  if (!token || token.revokedAt) return null;
  await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
  return token.userId;
}
