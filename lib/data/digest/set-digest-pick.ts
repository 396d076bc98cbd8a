import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/** An editor pins an article into a day's digest or drops it from it; `null` takes the decision back. */
export async function setDigestPick(db: DbClient, day: string, articleId: number, kind: 'pin' | 'drop' | null, now: Date) {
  if (kind !== null && !(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) {
    throw new RefusedError(404, `There is no article ${articleId}.`);
  }
  await db.digestEdition.upsert({
    where: { day },
    create: { day, editedAt: now },
    update: { editedAt: now, version: { increment: 1 } },
  });
  if (kind === null) await db.digestPick.deleteMany({ where: { day, articleId } });
  else await db.digestPick.upsert({ where: { day_articleId: { day, articleId } }, create: { day, articleId, kind }, update: { kind } });
  return { day, articleId, kind };
}
