/**
 * Editors' story decisions, each through the guard: merge two stories, split
 * an article out into a story of its own, pick a story's lead. Audited,
 * undoable from the article's history (POST /api/desk/changes/{id}/undo),
 * kept by later imports and by `npm run stories:rebuild`.
 */
import 'server-only';
import { guarded } from '../auth/guard';
import { chooseStoryLead } from '../data/stories/choose-story-lead';
import { mergeStories as mergeStoriesData } from '../data/stories/merge-stories';
import { splitArticleStory } from '../data/stories/split-article-story';
import { ZStoryLead, ZStoryMerge, ZStorySplit } from '../schemas/stories';

export const mergeStories = guarded({
  permission: 'curateArticles',
  input: ZStoryMerge,
  run: (merge, { db, user, via }) => mergeStoriesData(db, user.id, merge, via),
  audit: {
    action: 'story.merge',
    target: (merge) => ({ type: 'story', id: merge.storyId }),
    detail: (decision) => ({ into: decision.storyId, moved: decision.moved, changeId: decision.changeId }),
  },
  changesReaderPages: true,
});

export const splitStory = guarded({
  permission: 'curateArticles',
  input: ZStorySplit,
  run: (split, { db, user, via }) => splitArticleStory(db, user.id, split, via),
  audit: {
    action: 'story.split',
    target: (split) => ({ type: 'article', id: split.articleId }),
    detail: (decision) => ({ story: decision.storyId, changeId: decision.changeId }),
  },
  changesReaderPages: true,
});

export const chooseLead = guarded({
  permission: 'curateArticles',
  input: ZStoryLead,
  run: (lead, { db, user, via }) => chooseStoryLead(db, user.id, lead, via),
  audit: {
    action: 'story.lead',
    target: (lead) => ({ type: 'article', id: lead.articleId }),
    detail: (decision) => ({ story: decision.storyId, changeId: decision.changeId }),
  },
  changesReaderPages: true,
});
