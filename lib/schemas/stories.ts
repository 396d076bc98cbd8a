import { z } from 'zod';
import { ZArticleId } from './desk';

const ZStoryId = z.coerce
  .number({ error: 'must be a story id' })
  .int({ error: 'must be a story id' })
  .positive({ error: 'must be a story id' })
  .max(2_147_483_647, { error: 'must be a story id' });

/** Merge story `storyId` into story `intoStoryId`: its articles are shown there from now on. */
export const ZStoryMerge = z
  .object({ storyId: ZStoryId, intoStoryId: ZStoryId })
  .strict()
  .refine((merge) => merge.storyId !== merge.intoStoryId, { error: 'must be another story than storyId', path: ['intoStoryId'] });
export type TStoryMerge = z.output<typeof ZStoryMerge>;

/** Take an article out of its story into a story of its own. */
export const ZStorySplit = z.object({ articleId: ZArticleId }).strict();
export type TStorySplit = z.output<typeof ZStorySplit>;

/** Make an article its story's lead (readers see it first while it is visible). */
export const ZStoryLead = z.object({ articleId: ZArticleId }).strict();
export type TStoryLead = z.output<typeof ZStoryLead>;

export const ZStoryOfArticle = z.object({ articleId: ZArticleId }).strict();

export { ZStoryId };

/** The fields of ArticleChange rows that record story decisions (undone by undoChanges). */
export const STORY_CHANGE_FIELDS = ['story.merge', 'story.split', 'story.lead'] as const;
export type StoryChangeField = (typeof STORY_CHANGE_FIELDS)[number];
