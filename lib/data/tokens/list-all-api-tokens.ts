import 'server-only';
import type { DbClient } from '../../db/client';

/** Every live token of every user, with its owner: what an admin reviews and may revoke. */
export function listAllApiTokens(db: DbClient) {
  return db.apiToken.findMany({
    where: { revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true } },
    },
  });
}
