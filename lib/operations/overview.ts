/**
 * The desk's overview and live desk, through the guard: the overview's
 * panels, the "needs a decision" queue (skip is audited), the editor's visit
 * stamp, presence heartbeats, the live event feed and saved views.
 *
 * Visit stamps and presence heartbeats are an editor's own screen state, not
 * editorial changes: they go through the guard (who, role, zod) but are not
 * written to the audit trail, which would otherwise gain a row every few
 * seconds per open page.
 */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { leavePresence } from '../data/live/leave-presence';
import { getLatestEventId } from '../data/live/get-latest-event-id';
import { listDeskEvents } from '../data/live/list-desk-events';
import { listPresence } from '../data/live/list-presence';
import { recordPresence } from '../data/live/record-presence';
import { countDecisionQueue } from '../data/overview/count-decision-queue';
import { loadOverview } from '../data/overview/load-overview';
import { markDeskVisit } from '../data/overview/mark-desk-visit';
import { skipQueuedArticle } from '../data/overview/skip-queued-article';
import { deleteSavedView } from '../data/views/delete-saved-view';
import { listSavedViews } from '../data/views/list-saved-views';
import { saveView } from '../data/views/save-view';
import { ZArticleId } from '../schemas/desk';
import { ZOverviewQuery, ZPresenceBeat, ZSavedViewCreate, ZSavedViewDelete, ZSkipQueued } from '../schemas/overview';

/** Everything the overview shows, for its filters: each panel reads the same date range and topic. */
export const getOverview = guarded({
  permission: 'curateArticles',
  input: ZOverviewQuery,
  run: (query, { db, user }) => loadOverview(db, user.id, query),
});

/** The count beside "Overview" in the desk's navigation. */
export const countMyQueue = guarded({
  permission: 'curateArticles',
  input: z.object({}).strict(),
  run: (_input, { db, user }) => countDecisionQueue(db, user.id, new Date()),
});

/** Stamps the editor's visit (on opening the overview, and while it stays open). Not audited: see above. */
export const markVisit = guarded({
  permission: 'curateArticles',
  input: z.object({}).strict(),
  run: (_input, { db, user }) => markDeskVisit(db, user.id, new Date()),
});

/** "Skip": the editor saw it and leaves it unpublished; it leaves the team's queue. */
export const skipQueued = guarded({
  permission: 'curateArticles',
  input: ZSkipQueued,
  run: ({ id }, { db, user }) => skipQueuedArticle(db, user.id, id),
  audit: { action: 'article.skip', target: ({ id }) => ({ type: 'article', id }) },
});

/** A presence heartbeat. Not audited: see above. */
export const beatPresence = guarded({
  permission: 'curateArticles',
  input: ZPresenceBeat,
  run: (beat, { db, user }) => recordPresence(db, user.id, beat, new Date()),
});

export const leaveArticle = guarded({
  permission: 'curateArticles',
  input: z.object({ articleId: z.union([z.literal(0), ZArticleId]) }).strict(),
  run: ({ articleId }, { db, user }) => leavePresence(db, user.id, articleId),
});

/**
 * The live feed's one read: article changes after `after` (an audit event
 * id), and who is where. `after` omitted: start from now.
 */
export const readDeskEvents = guarded({
  permission: 'curateArticles',
  input: z
    .object({
      after: z.coerce
        .number({ error: 'must be an event id' })
        .int({ error: 'must be an event id' })
        .min(0, { error: 'must be an event id' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'must be an event id' })
        .optional(),
    })
    .strict(),
  run: async ({ after }, { db }) => {
    const start = after ?? (await getLatestEventId(db));
    const [events, presence] = await Promise.all([listDeskEvents(db, start), listPresence(db, new Date())]);
    return { lastId: events.length > 0 ? events[events.length - 1]!.id : start, events, presence };
  },
});

export const listMyViews = guarded({
  permission: 'curateArticles',
  input: z.object({}).strict(),
  run: (_input, { db, user }) => listSavedViews(db, user.id),
});

export const saveMyView = guarded({
  permission: 'curateArticles',
  input: ZSavedViewCreate,
  run: (view, { db, user }) => saveView(db, user.id, view),
  audit: { action: 'view.save', target: (_view, saved) => (saved ? { type: 'savedView', id: saved.id } : null) },
});

export const deleteMyView = guarded({
  permission: 'curateArticles',
  input: ZSavedViewDelete,
  run: ({ id }, { db, user }) => deleteSavedView(db, user.id, id),
  audit: { action: 'view.delete', target: ({ id }) => ({ type: 'savedView', id }) },
});
