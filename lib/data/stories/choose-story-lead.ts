import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';
import type { TStoryLead } from '../../schemas/stories';
import type { ChangeVia } from '../desk/editorial-fields';
import type { StoryDecision } from './merge-stories';
import { recordStoryChange } from './record-story-change';

/**
 * An editor's choice of lead: readers see this article first for its story
 * while it is visible (otherwise the best visible member, as without a
 * choice). Kept on the Story row, so re-clustering keeps it.
 */
export async function chooseStoryLead(tx: DbClient, userId: string, { articleId }: TStoryLead, via: ChangeVia): Promise<StoryDecision> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, storyId: true } });
  if (!article) throw new RefusedError(404, `There is no article ${articleId}.`);
  if (article.storyId === null) throw new RefusedError(409, `Article ${articleId} has no story yet; run npm run stories:rebuild.`);
  const story = await tx.story.findUniqueOrThrow({ where: { id: article.storyId }, select: { id: true, leadArticleId: true } });
  if (story.leadArticleId === articleId) throw new RefusedError(409, `Article ${articleId} is already the lead of story ${story.id}.`);
  await tx.story.update({ where: { id: story.id }, data: { leadArticleId: articleId } });
  const changeId = await recordStoryChange(
    tx,
    {
      articleId,
      field: 'story.lead',
      oldValue: { story: story.id, lead: story.leadArticleId },
      newValue: { story: story.id, lead: articleId },
    },
    { userId, via },
  );
  return { storyId: story.id, changeId, moved: 0 };
}
