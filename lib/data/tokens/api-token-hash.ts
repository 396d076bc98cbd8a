import { createHash, randomBytes } from 'node:crypto';

/** Personal API tokens: 192 random bits; only a SHA-256 of them is stored. */
export const TOKEN_PREFIX = 'nd_';

export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
