import 'server-only';
import { hashPassword, verifyPassword } from '../../auth/password';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/**
 * Sets a user's password after checking their current one. Every session of
 * theirs ends (the one in use too: they sign in again with the new password),
 * and a must-change flag is cleared.
 */
export async function changeOwnPassword(db: DbClient, userId: string, current: string, next: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new RefusedError(403, 'current: is not your current password', undefined, [
      { path: 'current', message: 'is not your current password' },
    ]);
  }
  if (current === next) {
    throw new RefusedError(400, 'next: must differ from the current password', undefined, [
      { path: 'next', message: 'must differ from the current password' },
    ]);
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(next), mustChangePassword: false, sessionVersion: { increment: 1 } },
  });
}
