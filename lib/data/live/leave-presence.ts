import 'server-only';
import type { DbClient } from '../../db/client';

/** The editor closed the article (0: the table or overview): others stop seeing them there at once. */
export async function leavePresence(db: DbClient, userId: string, articleId: number): Promise<{ left: number }> {
  const { count } = await db.presence.deleteMany({ where: { userId, articleId } });
  return { left: count };
}
