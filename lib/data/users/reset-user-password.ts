import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/password';
import type { DbClient } from '../../db/client';

/**
 * An admin's reset: a random temporary password (answered this once, never
 * stored), which its owner must change at their next sign-in; every session
 * they have ends. Null for no such user.
 */
export async function resetUserPassword(db: DbClient, userId: string): Promise<{ temporaryPassword: string } | null> {
  const temporaryPassword = randomBytes(15).toString('base64url');
  const result = await db.user.updateMany({
    where: { id: userId },
    data: { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, sessionVersion: { increment: 1 } },
  });
  return result.count > 0 ? { temporaryPassword } : null;
}
