import 'server-only';
import type { DbClient } from '../../db/client';
import { resolveStoryId } from '../../stories/resolve-story';

/**
 * Recomputes the story articles are shown in (`storyId`) after an editor's
 * decision: for the articles now in `storyIds` or listed in `articleIds`,
 * their pinned story, else their cluster's story, followed through merges.
 * Returns the ids of the articles that moved.
 */
export async function resolveArticleStories(
  tx: DbClient,
  { storyIds = [], articleIds = [] }: { storyIds?: number[]; articleIds?: number[] },
): Promise<number[]> {
  const articles = await tx.article.findMany({
    where: { OR: [{ storyId: { in: storyIds } }, { id: { in: articleIds } }] },
    select: { id: true, storyId: true, storyKey: true, pinnedStoryId: true },
  });
  const keys = [...new Set(articles.flatMap((article) => (article.storyKey ? [article.storyKey] : [])))];
  const byKey = new Map(
    (await tx.story.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })).map((s) => [s.key, s.id]),
  );
  const merges = new Map(
    (await tx.story.findMany({ where: { mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true } })).map((s) => [
      s.id,
      s.mergedIntoId!,
    ]),
  );
  const moves = new Map<number, number[]>();
  for (const article of articles) {
    const base = article.pinnedStoryId ?? (article.storyKey ? byKey.get(article.storyKey) : undefined) ?? article.storyId;
    const target = resolveStoryId(base ?? null, merges);
    if (target === null || target === article.storyId) continue;
    const ids = moves.get(target);
    if (ids) ids.push(article.id);
    else moves.set(target, [article.id]);
  }
  for (const [storyId, ids] of moves) await tx.article.updateMany({ where: { id: { in: ids } }, data: { storyId } });
  return [...moves.values()].flat();
}
