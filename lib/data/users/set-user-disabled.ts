import 'server-only';
import type { DbClient } from '../../db/client';

/**
 * Disabling takes effect on the user's next request: every request re-reads
 * the user (see lib/auth/guard.ts), so no session outlives it.
 */
export async function setUserDisabled(db: DbClient, email: string, disabled: boolean) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) return null;
  return db.user.update({
    where: { id: user.id },
    data: { disabledAt: disabled ? new Date() : null },
    select: { id: true, email: true, role: true, disabledAt: true },
  });
}
