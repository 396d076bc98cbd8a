import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/** An editor saw an unpublished arrival and leaves it as it is: it leaves every editor's queue. */
export async function skipQueuedArticle(db: DbClient, userId: string, articleId: number): Promise<{ id: number; skippedAt: string }> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, published: true } });
  if (!article) throw new RefusedError(404, `There is no article ${articleId}.`);
  if (article.published) throw new RefusedError(409, 'It is already published: nothing to skip.');
  const skip = await db.queueSkip.upsert({
    where: { articleId },
    create: { articleId, userId },
    update: {},
  });
  return { id: articleId, skippedAt: skip.at.toISOString() };
}
