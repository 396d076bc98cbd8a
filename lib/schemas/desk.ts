/**
 * Inputs of the desk: the table's filters and sorting (shared by the page's
 * query string, the JSON API and "select all matching"), single edits and
 * bulk edits. `quality` reuses the seed format's own schema.
 */
import { z } from 'zod';
import { parseIsoDateTime, QUALITY_MAX, QUALITY_MIN, ZQuality } from '../front-matter/schema';

export { QUALITY_MAX, QUALITY_MIN };

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const optionalInteger = (min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .optional(),
  );

const optionalDate = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: 'must be a real date' })
    .optional(),
);

const optionalText = (max: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: `must be at most ${max} characters` })
      .optional(),
  );

/** Quality as an editor types it: whole digits, then the same range check as everywhere else. */
export const ZQualityText = z
  .string()
  .trim()
  .regex(/^-?\d+$/, { error: `Quality must be a whole number from ${QUALITY_MIN} to ${QUALITY_MAX}.` })
  .transform(Number)
  .refine((value) => ZQuality.safeParse(value).success, { error: `Quality must be from ${QUALITY_MIN} to ${QUALITY_MAX}.` });

/** The quality an editor typed, or the reason it is not one. */
export function parseQualityText(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const parsed = ZQualityText.safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'Not a quality.' };
}

/** `scheduled`: published, going live later; `live`: what readers see now; `expired`: published, already taken down by its schedule. */
export const DESK_STATUSES = ['all', 'published', 'unpublished', 'scheduled', 'live', 'expired'] as const;
export const DESK_GROUPS = ['story'] as const;
export const DESK_SORTS = ['publishedAt', 'title', 'source', 'quality', 'heat', 'published', 'updatedAt'] as const;

export const ZDeskFilter = z
  .object({
    q: optionalText(200),
    status: z.preprocess(emptyToUndefined, z.enum(DESK_STATUSES, { error: `must be one of ${DESK_STATUSES.join(', ')}` }).default('all')),
    topic: optionalText(100),
    source: optionalText(253),
    from: optionalDate,
    to: optionalDate,
    qualityMin: optionalInteger(QUALITY_MIN, QUALITY_MAX),
    qualityMax: optionalInteger(QUALITY_MIN, QUALITY_MAX),
    /** `unpublished-member`: articles whose story has an unpublished article and a published one (a duplicate waiting, or one already on the river). */
    story: z.preprocess(emptyToUndefined, z.enum(['unpublished-member'], { error: 'must be unpublished-member' }).optional()),
    /** Every article of one story. */
    storyId: optionalInteger(1, 2_147_483_647),
  })
  .refine((filter) => filter.qualityMin === undefined || filter.qualityMax === undefined || filter.qualityMin <= filter.qualityMax, {
    error: 'must not be below the minimum',
    path: ['qualityMax'],
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { error: 'must not be before the start date', path: ['to'] });
export type TDeskFilter = z.output<typeof ZDeskFilter>;

export const ZDeskQuery = z.intersection(
  ZDeskFilter,
  z.object({
    sort: z.preprocess(emptyToUndefined, z.enum(DESK_SORTS, { error: `must be one of ${DESK_SORTS.join(', ')}` }).default('publishedAt')),
    dir: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('desc')),
    page: optionalInteger(1, 100_000).default(1),
    pageSize: optionalInteger(10, 200).default(50),
    /** `story`: one row per story (its lead), with the other members alongside; pages count stories. */
    group: z
      .preprocess(emptyToUndefined, z.enum(DESK_GROUPS, { error: `must be ${DESK_GROUPS.join(', ')}` }).optional())
      .describe('story: one row per story (its lead) with the other members in `groups`; page, pageSize and total count stories'),
  }),
);
export type TDeskQuery = z.output<typeof ZDeskQuery>;

const ZArticleId = z.coerce
  .number({ error: 'must be an article id' })
  .int({ error: 'must be an article id' })
  .positive({ error: 'must be an article id' })
  .max(2_147_483_647, { error: 'must be an article id' });
const ZVersion = z
  .number({ error: 'is required: the version you saw' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be positive' });

/**
 * An instant with its offset (`2026-12-01T06:00:00+01:00`, `…Z`), so there is
 * no doubt which 06:00 was meant; stored and answered in UTC.
 */
export const ZInstant = z
  .string({ error: 'must be an ISO-8601 date-time with an offset, such as 2026-12-01T06:00:00+01:00' })
  .max(40, { error: 'must be an ISO-8601 date-time with an offset, such as 2026-12-01T06:00:00+01:00' })
  .transform((value, context) => {
    const date = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()) ? parseIsoDateTime(value) : undefined;
    if (!date || !/T\d{2}:\d{2}/.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `must be an ISO-8601 date-time with an offset, such as 2026-12-01T06:00:00+01:00 (got ${JSON.stringify(value.slice(0, 40))})`,
      });
      return z.NEVER;
    }
    return date.toISOString();
  });

/** The schedule fields: an instant, or null to clear it. */
const scheduleFields = {
  publishAt: ZInstant.nullable().optional(),
  unpublishAt: ZInstant.nullable().optional(),
};

const EDITABLE = ['published', 'quality', 'publishAt', 'unpublishAt'] as const;
const changesSomething = (edit: Partial<Record<(typeof EDITABLE)[number], unknown>>) => EDITABLE.some((field) => edit[field] !== undefined);
const NOTHING_TO_CHANGE = 'change published, quality, publishAt or unpublishAt';

/** Both ends given: the window must not close before it opens. */
const windowInOrder = (edit: { publishAt?: string | null; unpublishAt?: string | null }) =>
  !edit.publishAt || !edit.unpublishAt || edit.unpublishAt > edit.publishAt;
const WINDOW_OUT_OF_ORDER = { error: 'must be after publishAt', path: ['unpublishAt'] };

/** What an edit may change: the editorial fields, each optional. */
const editorialChanges = {
  published: z.boolean({ error: 'must be true or false' }).optional(),
  quality: ZQuality.optional(),
  ...scheduleFields,
};

/** A change to one article: what the editor saw (`version`) and what they want. */
export const ZArticleEdit = z
  .object({
    id: ZArticleId,
    version: ZVersion,
    ...editorialChanges,
  })
  .strict()
  .refine(changesSomething, { error: NOTHING_TO_CHANGE })
  .refine(windowInOrder, WINDOW_OUT_OF_ORDER);
export type TArticleEdit = z.output<typeof ZArticleEdit>;

/** A change to many articles: picked rows (with the versions seen), or everything matching a filter. */
export const ZBulkEdit = z
  .object({
    selection: z.union([
      z
        .object({
          articles: z
            .array(z.object({ id: ZArticleId, version: ZVersion }).strict())
            .min(1, { error: 'pick at least one article' })
            .max(5_000, { error: 'pick at most 5,000 articles, or use the filter' }),
        })
        .strict(),
      z.object({ filter: ZDeskFilter }).strict(),
    ]),
    ...editorialChanges,
  })
  .strict()
  .refine(changesSomething, { error: NOTHING_TO_CHANGE })
  .refine(windowInOrder, WINDOW_OUT_OF_ORDER);
export type TBulkEdit = z.output<typeof ZBulkEdit>;

export const ZUndo = z.union([
  z.object({ changeId: z.string().min(1).max(64) }).strict(),
  z.object({ batchId: z.string().min(1).max(64) }).strict(),
]);
export type TUndo = z.output<typeof ZUndo>;

export { ZArticleId };
