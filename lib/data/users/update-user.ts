import 'server-only';
import type { TRole } from '../../auth/roles';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/**
 * Changes a user's role or disables/enables them. An admin cannot demote or
 * disable themselves (the newsroom must never lose its last way in).
 */
export async function updateUser(db: DbClient, actingUserId: string, userId: string, change: { role?: TRole; disabled?: boolean }) {
  if (userId === actingUserId && (change.disabled === true || (change.role !== undefined && change.role !== 'ADMIN'))) {
    throw new RefusedError(422, 'You cannot disable yourself or take away your own admin role.');
  }
  const existing = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!existing) throw new RefusedError(404, 'There is no such user.');
  return db.user.update({
    where: { id: userId },
    data: {
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? new Date() : null } : {}),
    },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
