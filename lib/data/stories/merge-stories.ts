import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';
import type { TStoryMerge } from '../../schemas/stories';
import type { ChangeVia } from '../desk/editorial-fields';
import { recordStoryChange } from './record-story-change';
import { resolveArticleStories } from './resolve-article-stories';

export type StoryDecision = { storyId: number; changeId: string; moved: number };

/**
 * An editor's merge: every article of `storyId` is shown in `intoStoryId`
 * from now on, and articles clustering later adds to either story follow
 * (the merge is kept on the Story row, so re-clustering keeps it too).
 */
export async function mergeStories(
  tx: DbClient,
  userId: string,
  { storyId, intoStoryId }: TStoryMerge,
  via: ChangeVia,
): Promise<StoryDecision> {
  const stories = await tx.story.findMany({ where: { id: { in: [storyId, intoStoryId] } }, select: { id: true, mergedIntoId: true } });
  for (const id of [storyId, intoStoryId]) {
    const story = stories.find((candidate) => candidate.id === id);
    if (!story) throw new RefusedError(404, `There is no story ${id}.`);
    if (story.mergedIntoId !== null) throw new RefusedError(409, `Story ${id} was already merged into story ${story.mergedIntoId}.`);
  }
  const first = await tx.article.findFirst({ where: { storyId }, orderBy: { id: 'asc' }, select: { id: true } });
  if (!first) throw new RefusedError(404, `Story ${storyId} has no articles.`);
  await tx.story.update({ where: { id: storyId }, data: { mergedIntoId: intoStoryId } });
  const moved = await resolveArticleStories(tx, { storyIds: [storyId] });
  const changeId = await recordStoryChange(
    tx,
    {
      articleId: first.id,
      field: 'story.merge',
      oldValue: { story: storyId, mergedInto: null },
      newValue: { story: storyId, mergedInto: intoStoryId },
    },
    { userId, via },
  );
  return { storyId: intoStoryId, changeId, moved: moved.length };
}
