import 'server-only';
import type { DbClient } from '../../db/client';
import { resolveOverviewFilter, type TOverviewQuery } from '../../schemas/overview';
import { listStories } from '../reader/list-stories';
import { countArticlesPerDay } from './count-articles-per-day';
import { countEditorChangesPerDay } from './count-editor-changes-per-day';
import { countQualityDistribution } from './count-quality-distribution';
import { getQueueSince } from './get-queue-since';
import { listDecisionQueue } from './list-decision-queue';
import { listRisingTopics } from './list-rising-topics';
import { listTopSources } from './list-top-sources';

/** A topic slug as an id: -1 (matches nothing) for a slug no topic has. */
async function topicIdOf(db: DbClient, slug: string | undefined): Promise<number | undefined> {
  if (!slug) return undefined;
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true } });
  return topic?.id ?? -1;
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;

/**
 * Everything the overview shows for one editor and its filters: the queue
 * (since their last visit), the river's first ten of each order as readers
 * see them, and the charts' figures, each panel reading the same date range
 * and topic.
 */
export async function loadOverview(db: DbClient, userId: string, query: TOverviewQuery, now = new Date()) {
  const filter = resolveOverviewFilter(query, now);
  const topicId = await topicIdOf(db, filter.topic);
  const range = { start: filter.start, end: filter.end, topicId };
  const since = await getQueueSince(db, userId, now);
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
    filter: { from: filter.days[0]!, to: filter.days[filter.days.length - 1]!, topic: filter.topic ?? null, unknownTopic: topicId === -1 },
    since: since.toISOString(),
    queue,
    river: { latest, top, trending },
    charts: { perDay, sources, quality, rising, editors },
  };
}
