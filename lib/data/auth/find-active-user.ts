import 'server-only';
import type { TRole } from '../../auth/roles';
import type { DbClient } from '../../db/client';

export type ActiveUser = {
  id: string;
  email: string;
  name: string | null;
  role: TRole;
  /** Sessions issued under another version were ended by "sign out everywhere" or a password change. */
  sessionVersion: number;
  /** The next thing this user does must be choosing a new password. */
  mustChangePassword: boolean;
};

export const ACTIVE_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  sessionVersion: true,
  mustChangePassword: true,
} as const;

/** The user, if they exist and are not disabled: read on every request, so a disabled user is out at once. */
export async function findActiveUser(
  db: DbClient,
  where: { id: string } | { email: string } | { githubId: string },
): Promise<ActiveUser | null> {
  const user = await db.user.findUnique({ where, select: ACTIVE_USER_SELECT });
  if (!user || user.disabledAt) return null;
  const { disabledAt: _disabledAt, ...active } = user;
  return { ...active, role: user.role as TRole };
}
