import 'server-only';
import { z } from 'zod';
import type { DbClient } from '../../db/client';
import { resolveStoryId } from '../../stories/resolve-story';
import { recordStoryChange } from './record-story-change';
import { resolveArticleStories } from './resolve-article-stories';

const ZMerge = z.object({ story: z.number().int(), mergedInto: z.number().int().nullable() });
const ZSplit = z.object({ pinned: z.number().int().nullable(), story: z.number().int().nullable() });
const ZLead = z.object({ story: z.number().int(), lead: z.number().int().nullable() });

type Change = { id: string; articleId: number; field: string; oldValue: string; newValue: string };

/**
 * Puts a story decision back (a merge, a split or a chosen lead), when
 * nothing has changed it since; returns false when something has, and the
 * caller treats that as a conflict. The undo is recorded like the decision.
 */
export async function undoStoryChange(tx: DbClient, userId: string, change: Change): Promise<boolean> {
  const before = JSON.parse(change.oldValue) as unknown;
  const after = JSON.parse(change.newValue) as unknown;
  switch (change.field) {
    case 'story.merge': {
      const [was, is] = [ZMerge.parse(before), ZMerge.parse(after)];
      const story = await tx.story.findUnique({ where: { id: is.story }, select: { mergedIntoId: true } });
      if (!story || story.mergedIntoId !== is.mergedInto) return false;
      await tx.story.update({ where: { id: is.story }, data: { mergedIntoId: was.mergedInto } });
      const merges = new Map(
        (await tx.story.findMany({ where: { mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true } })).map((s) => [
          s.id,
          s.mergedIntoId!,
        ]),
      );
      const into = is.mergedInto!;
      await resolveArticleStories(tx, { storyIds: [into, resolveStoryId(into, merges)!] });
      break;
    }
    case 'story.split': {
      const [was, is] = [ZSplit.parse(before), ZSplit.parse(after)];
      const article = await tx.article.findUnique({ where: { id: change.articleId }, select: { pinnedStoryId: true } });
      if (!article || article.pinnedStoryId !== is.pinned) return false;
      await tx.article.update({ where: { id: change.articleId }, data: { pinnedStoryId: was.pinned } });
      await resolveArticleStories(tx, { articleIds: [change.articleId] });
      const splitStory = is.pinned!;
      const used =
        (await tx.article.count({ where: { OR: [{ storyId: splitStory }, { pinnedStoryId: splitStory }] } })) +
        (await tx.story.count({ where: { mergedIntoId: splitStory } }));
      if (used === 0) await tx.story.deleteMany({ where: { id: splitStory, key: null } });
      break;
    }
    case 'story.lead': {
      const [was, is] = [ZLead.parse(before), ZLead.parse(after)];
      const story = await tx.story.findUnique({ where: { id: is.story }, select: { leadArticleId: true } });
      if (!story || story.leadArticleId !== is.lead) return false;
      await tx.story.update({ where: { id: is.story }, data: { leadArticleId: was.lead } });
      break;
    }
    default:
      throw new Error(`not a story change: ${change.field}`);
  }
  await recordStoryChange(
    tx,
    { articleId: change.articleId, field: change.field as 'story.merge', oldValue: after, newValue: before },
    { userId, via: 'undo', undoOfId: change.id },
  );
  return true;
}
