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
import type { DbClient } from '../db/client';
import { leavePresence } from '../data/live/leave-presence';
import { getLatestEventId } from '../data/live/get-latest-event-id';
import { listDeskEvents } from '../data/live/list-desk-events';
import { listPresence } from '../data/live/list-presence';
import { recordPresence } from '../data/live/record-presence';
import { countArticlesPerDay } from '../data/overview/count-articles-per-day';
import { countDecisionQueue } from '../data/overview/count-decision-queue';
import { countEditorChangesPerDay } from '../data/overview/count-editor-changes-per-day';
import { countQualityDistribution } from '../data/overview/count-quality-distribution';
import { getQueueSince } from '../data/overview/get-queue-since';
import { listDecisionQueue } from '../data/overview/list-decision-queue';
import { listRisingTopics } from '../data/overview/list-rising-topics';
import { listTopSources } from '../data/overview/list-top-sources';
import { markDeskVisit } from '../data/overview/mark-desk-visit';
import { skipQueuedArticle } from '../data/overview/skip-queued-article';
import { listStories } from '../data/reader/list-stories';
import { deleteSavedView } from '../data/views/delete-saved-view';
import { listSavedViews } from '../data/views/list-saved-views';
import { saveView } from '../data/views/save-view';
import { ZArticleId } from '../schemas/desk';
import { resolveOverviewFilter, ZOverviewQuery, ZPresenceBeat, ZSavedViewCreate, ZSavedViewDelete, ZSkipQueued } from '../schemas/overview';

/** A topic slug as an id: -1 (matches nothing) for a slug no topic has. */
async function topicIdOf(db: DbClient, slug: string | undefined): Promise<number | undefined> {
  if (!slug) return undefined;
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true } });
  return topic?.id ?? -1;
}

/** Everything the overview shows, for its filters: each panel reads the same date range and topic. */
export const getOverview = guarded({
  permission: 'curateArticles',
  input: ZOverviewQuery,
  run: async (query, { db, user }) => {
    const now = new Date();
    const filter = resolveOverviewFilter(query, now);
    const topicId = await topicIdOf(db, filter.topic);
    const range = { start: filter.start, end: filter.end, topicId };
    const since = await getQueueSince(db, user.id, now);
    const river = (order: 'latest' | 'top' | 'trending') =>
      listStories(order, undefined, topicId === undefined ? {} : { topicId }, 10).then((page) => page.stories);
    const [queue, latest, top, trending, perDay, sources, quality, rising, editors] = await Promise.all([
      listDecisionQueue(db, since, { topicId }),
      river('latest'),
      river('top'),
      river('trending'),
      countArticlesPerDay(db, range),
      listTopSources(db, range),
      countQualityDistribution(db, range),
      listRisingTopics(db, filter.end),
      countEditorChangesPerDay(db, range),
    ]);
    return {
      filter: {
        from: filter.days[0]!,
        to: filter.days[filter.days.length - 1]!,
        topic: filter.topic ?? null,
        unknownTopic: topicId === -1,
      },
      since: since.toISOString(),
      queue,
      river: { latest, top, trending },
      charts: { perDay, sources, quality, rising, editors },
    };
  },
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
