import 'server-only';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { hashApiToken, newApiToken } from './api-token-hash';

export const ZNewApiToken = z
  .object({
    name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
  })
  .strict();

/** Creates a token for the user; the token itself is returned this once and never stored. */
export async function createApiToken(db: Db, userId: string, name: string) {
  const token = newApiToken();
  const record = await db.apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...record, token };
}
