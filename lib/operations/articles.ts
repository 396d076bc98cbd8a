/**
 * What editors do to articles, each through the guard. Server actions (the
 * desk) and route handlers (the JSON API) call these same operations.
 */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { bulkEditArticles } from '../data/desk/bulk-edit-articles';
import { editArticle as editArticleData } from '../data/desk/edit-article';
import { getDeskArticle } from '../data/desk/get-desk-article';
import { listDeskArticles } from '../data/desk/list-desk-articles';
import { listDeskStoryGroups } from '../data/desk/list-desk-story-groups';
import { listScheduleChanges } from '../data/desk/list-schedule-changes';
import { undoChanges } from '../data/desk/undo-changes';
import { RefusedError } from '../errors/refused-error';
import { ZArticleEdit, ZArticleId, ZBulkEdit, ZDeskQuery, ZUndo } from '../schemas/desk';

export const listArticles = guarded({
  permission: 'curateArticles',
  input: ZDeskQuery,
  run: (query) => (query.group === 'story' ? listDeskStoryGroups(query) : listDeskArticles(query)),
});

/** What the schedule puts on the river or takes off it in the next `hours` (default a day). */
export const listUpcomingScheduleChanges = guarded({
  permission: 'curateArticles',
  input: z
    .object({
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14)
        .default(24),
    })
    .strict(),
  run: ({ hours }, { db }) => listScheduleChanges(db, new Date(), hours),
});

export const getArticle = guarded({
  permission: 'curateArticles',
  input: z.object({ id: ZArticleId }),
  run: async ({ id }) => {
    const article = await getDeskArticle(id);
    if (!article) throw new RefusedError(404, `There is no article ${id}.`);
    return article;
  },
});

export const editArticle = guarded({
  permission: 'curateArticles',
  input: ZArticleEdit,
  run: (edit, { db, user, via }) => editArticleData(db, user.id, edit, via),
  audit: { action: 'article.edit', target: (edit) => ({ type: 'article', id: edit.id }) },
  changesReaderPages: true,
});

export const bulkEdit = guarded({
  permission: 'curateArticles',
  input: ZBulkEdit,
  run: (edit, { db, user }) => bulkEditArticles(db, user.id, edit, 'bulk'),
  audit: {
    action: 'articles.bulkEdit',
    target: (_edit, outcome) => (outcome?.batchId ? { type: 'batch', id: outcome.batchId } : null),
    detail: (outcome) => ({ matched: outcome.matched, changed: outcome.changed }),
  },
  changesReaderPages: true,
});

export const undo = guarded({
  permission: 'curateArticles',
  input: ZUndo,
  run: (request, { db, user }) => undoChanges(db, user.id, request),
  audit: {
    action: 'changes.undo',
    target: (request) => ('changeId' in request ? { type: 'change', id: request.changeId } : { type: 'batch', id: request.batchId }),
    detail: (outcome) => ({ undone: outcome.undone, skipped: outcome.skipped }),
  },
  changesReaderPages: true,
});
