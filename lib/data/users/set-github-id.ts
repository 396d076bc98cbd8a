import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/**
 * Connects (or, with null, disconnects) a GitHub account to a user. One
 * GitHub account belongs to at most one user: connecting one that another
 * user holds is refused.
 */
export async function setGitHubId(db: DbClient, userId: string, githubId: string | null): Promise<void> {
  if (githubId !== null) {
    const holder = await db.user.findUnique({ where: { githubId }, select: { id: true } });
    if (holder && holder.id !== userId) {
      throw new RefusedError(409, 'That GitHub account is connected to another desk account.');
    }
  }
  await db.user.update({ where: { id: userId }, data: { githubId } });
}
