import { z } from 'zod';

export const ROLES = ['EDITOR', 'ADMIN'] as const;
export const ZRole = z.enum(ROLES, { error: 'must be EDITOR or ADMIN' });
export type TRole = z.infer<typeof ZRole>;

/** What each role may do. Pure, so it is tested without HTTP. */
export const permissions = {
  curateArticles: (role: TRole) => role === 'EDITOR' || role === 'ADMIN',
  manageUsers: (role: TRole) => role === 'ADMIN',
} as const;

export type Permission = keyof typeof permissions;
