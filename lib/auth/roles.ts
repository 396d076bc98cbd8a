import { z } from 'zod';

/**
 * EDITOR curates articles; ADMIN also manages users and imports; IMPORTER
 * only imports (least privilege for a newsroom script's account: its token
 * can feed files in, but can neither curate nor manage anyone).
 */
export const ROLES = ['EDITOR', 'ADMIN', 'IMPORTER'] as const;
export const ZRole = z.enum(ROLES, { error: 'must be EDITOR, ADMIN or IMPORTER' });
export type TRole = z.infer<typeof ZRole>;

/** What each role may do. Pure, so it is tested without HTTP. */
export const permissions = {
  curateArticles: (role: TRole) => role === 'EDITOR' || role === 'ADMIN',
  manageUsers: (role: TRole) => role === 'ADMIN',
  importArticles: (role: TRole) => role === 'ADMIN' || role === 'IMPORTER',
  /** Personal API tokens: every role may hold its own. */
  useApiTokens: (role: TRole) => ROLES.includes(role),
  /** One's own account: password, sessions. */
  manageOwnAccount: (role: TRole) => ROLES.includes(role),
} as const;

export type Permission = keyof typeof permissions;
