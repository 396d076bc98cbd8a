import 'server-only';
import type { TRole } from '../../auth/roles';
import type { DbClient } from '../../db/client';

export type ActiveUser = { id: string; email: string; name: string | null; role: TRole };

/** The user, if they exist and are not disabled: read on every request, so a disabled user is out at once. */
export async function findActiveUser(db: DbClient, where: { id: string } | { email: string }): Promise<ActiveUser | null> {
  const user = await db.user.findUnique({ where, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as TRole };
}
