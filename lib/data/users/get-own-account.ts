import 'server-only';
import type { DbClient } from '../../db/client';

/** What /account shows about one's own account. */
export async function getOwnAccount(db: DbClient, userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, githubId: true } });
}
