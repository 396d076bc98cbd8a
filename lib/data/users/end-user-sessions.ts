import 'server-only';
import type { DbClient } from '../../db/client';

/** "Sign out everywhere": every session issued before now stops working on its next request. False for no such user. */
export async function endUserSessions(db: DbClient, userId: string): Promise<boolean> {
  const result = await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return result.count > 0;
}
