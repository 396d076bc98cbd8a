/** Each editor's own API tokens, through the guard. */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { createApiToken } from '../data/tokens/create-api-token';
import { listAllApiTokens } from '../data/tokens/list-all-api-tokens';
import { listApiTokens } from '../data/tokens/list-api-tokens';
import { revokeAnyApiToken } from '../data/tokens/revoke-any-api-token';
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
  run: ({ name, expiresInDays }, { db, user }) =>
    createApiToken(db, user.id, name, expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600_000) : null),
  audit: {
    action: 'apiToken.create',
    target: (_input, token) => (token ? { type: 'apiToken', id: token.id } : null),
    detail: (token) => ({ name: token.name, expiresAt: token.expiresAt?.toISOString() ?? null }),
  },
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

/** Admins: every live token of every user. */
export const listEveryApiToken = guarded({
  permission: 'manageUsers',
  input: z.object({}).strict(),
  run: (_input, { db }) => listAllApiTokens(db),
});

/** Admins: revoke anyone's token (a leaked script token, a departed colleague's). */
export const revokeAnyonesApiToken = guarded({
  permission: 'manageUsers',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  run: async ({ id }, { db }) => {
    const owner = await revokeAnyApiToken(db, id);
    if (!owner) throw new RefusedError(404, 'There is no such live token.');
    return { revoked: id, owner };
  },
  audit: { action: 'apiToken.revokeAny', target: ({ id }) => ({ type: 'apiToken', id }), detail: ({ owner }) => ({ owner }) },
});
