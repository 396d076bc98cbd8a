/**
 * Inputs of the desk's overview: its filters (date range and topic, in the
 * URL, applied to every panel), skipping an article in the queue, presence
 * heartbeats and saved views.
 */
import { z } from 'zod';
import { ZArticleId } from './desk';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const optionalDay = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(DAY, { error: 'must be a date (YYYY-MM-DD)' })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: 'must be a real date' })
    .optional(),
);

export const OVERVIEW_RANGES = [7, 30, 90] as const;
/** The longest range the charts draw, in days. */
export const OVERVIEW_MAX_DAYS = 366;

/**
 * `days` picks a range ending today; `from`/`to` pick any range (both
 * inclusive, UTC days) and win over `days`.
 */
export const ZOverviewQuery = z
  .object({
    days: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'must be 7, 30 or 90' })
        .refine((value) => (OVERVIEW_RANGES as readonly number[]).includes(value), { error: 'must be 7, 30 or 90' })
        .default(30),
    ),
    from: optionalDay,
    to: optionalDay,
    topic: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(100, { error: 'must be at most 100 characters' })
        .regex(/^[a-z0-9-]+$/, { error: 'must be a topic slug' })
        .optional(),
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: 'must not be before the start date', path: ['to'] })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= (OVERVIEW_MAX_DAYS - 1) * 86_400_000, {
    error: `must be at most ${OVERVIEW_MAX_DAYS} days after the start date`,
    path: ['to'],
  });
export type TOverviewQuery = z.output<typeof ZOverviewQuery>;

/** The resolved filter every overview panel reads: [start, end) in UTC, the days in it, and the topic. */
export type OverviewFilter = { start: Date; end: Date; days: string[]; topic?: string };

const DAY_MS = 86_400_000;

/** The days and instants a query covers, as of `now`. */
export function resolveOverviewFilter(query: TOverviewQuery, now: Date): OverviewFilter {
  const today = now.toISOString().slice(0, 10);
  const to = query.to ?? (query.from ? today : today);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (query.days - 1) * DAY_MS).toISOString().slice(0, 10);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const days: string[] = [];
  for (let at = start.getTime(); at < end.getTime(); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return { start, end, days, ...(query.topic ? { topic: query.topic } : {}) };
}

export const ZSkipQueued = z.object({ id: ZArticleId }).strict();

export const PRESENCE_ACTIVITIES = ['viewing', 'editing quality', 'editing the schedule', 'deciding'] as const;
export const ZPresenceBeat = z
  .object({
    /** 0: the article table or the overview. */
    articleId: z.union([z.literal(0), ZArticleId]),
    activity: z.enum(PRESENCE_ACTIVITIES, { error: `must be one of ${PRESENCE_ACTIVITIES.join(', ')}` }),
  })
  .strict();
export type TPresenceBeat = z.output<typeof ZPresenceBeat>;

export const ZPresenceQuery = z.object({ articleIds: z.array(ZArticleId).max(200, { error: 'must list at most 200 articles' }) }).strict();

export const ZSavedViewCreate = z
  .object({
    name: z.string().trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
    /** The desk's query string, without the leading `?`. */
    query: z
      .string()
      .max(2000, { error: 'must be at most 2000 characters' })
      .regex(/^[^?#]*$/, { error: 'must be a query string without ? or #' }),
  })
  .strict();

export const ZSavedViewDelete = z.object({ id: z.string().min(1, { error: 'is required' }).max(40) }).strict();
