import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';
import type { TStorySplit } from '../../schemas/stories';
import type { ChangeVia } from '../desk/editorial-fields';
import type { StoryDecision } from './merge-stories';
import { recordStoryChange } from './record-story-change';

/**
 * An editor's split: the article leaves its story for a new story of its
 * own and is pinned there, so later imports and re-clustering leave it
 * alone. The rest of the story stays as it was.
 */
export async function splitArticleStory(tx: DbClient, userId: string, { articleId }: TStorySplit, via: ChangeVia): Promise<StoryDecision> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, storyId: true, pinnedStoryId: true } });
  if (!article) throw new RefusedError(404, `There is no article ${articleId}.`);
  const others = article.storyId === null ? 0 : await tx.article.count({ where: { storyId: article.storyId, id: { not: articleId } } });
  if (others === 0) throw new RefusedError(409, `Article ${articleId} is already the only article of its story.`);
  const story = await tx.story.create({ data: {}, select: { id: true } });
  await tx.article.update({ where: { id: articleId }, data: { pinnedStoryId: story.id, storyId: story.id } });
  const changeId = await recordStoryChange(
    tx,
    {
      articleId,
      field: 'story.split',
      oldValue: { pinned: article.pinnedStoryId, story: article.storyId },
      newValue: { pinned: story.id, story: story.id },
    },
    { userId, via },
  );
  return { storyId: story.id, changeId, moved: 1 };
}
