/** Each editor's own API tokens, through the guard. */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { createApiToken } from '../data/tokens/create-api-token';
import { listApiTokens } from '../data/tokens/list-api-tokens';
import { revokeApiToken } from '../data/tokens/revoke-api-token';
import { RefusedError } from '../errors/refused-error';
import { ZNewApiToken } from '../schemas/api-tokens';

export const listOwnApiTokens = guarded({
  permission: 'useApiTokens',
  input: z.object({}).strict(),
  run: (_input, { db, user }) => listApiTokens(db, user.id),
});

export const createOwnApiToken = guarded({
  permission: 'useApiTokens',
  input: ZNewApiToken,
  run: ({ name }, { db, user }) => createApiToken(db, user.id, name),
  audit: { action: 'apiToken.create', target: (_input, token) => (token ? { type: 'apiToken', id: token.id } : null) },
});

export const revokeOwnApiToken = guarded({
  permission: 'useApiTokens',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  run: async ({ id }, { db, user }) => {
    if (!(await revokeApiToken(db, user.id, id))) throw new RefusedError(404, 'You have no such token.');
    return { revoked: id };
  },
  audit: { action: 'apiToken.revoke', target: ({ id }) => ({ type: 'apiToken', id }) },
});
