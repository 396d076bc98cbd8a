import type { Prisma } from '../../db/client';
import { qualityRank } from '../../ranking/trending';
import type { ChangeEntry, DeskRow } from '../../schemas/desk-responses';

/** The fields editors set; the import never touches them once set (and never the schedule). */
export const EDITORIAL_FIELDS = ['published', 'quality', 'publishAt', 'unpublishAt'] as const;
export type EditorialField = (typeof EDITORIAL_FIELDS)[number];

/** Editorial values as the desk, the API and the audit trail spell them: instants as ISO-8601 UTC. */
export type EditorialValues = { published: boolean; quality: number | null; publishAt: string | null; unpublishAt: string | null };
export type ChangeVia = ChangeEntry['via'];

/** What a desk row shows and an edit needs to know. */
export const DESK_ROW_SELECT = {
  id: true,
  title: true,
  sourceName: true,
  source: { select: { domain: true } },
  publishedAt: true,
  published: true,
  quality: true,
  heat: true,
  publishAt: true,
  unpublishAt: true,
  version: true,
  updatedAt: true,
  publishedEditedAt: true,
  qualityEditedAt: true,
  story: { select: { id: true, _count: { select: { articles: true } } } },
} satisfies Prisma.ArticleSelect;

export type DeskRowRecord = Prisma.ArticleGetPayload<{ select: typeof DESK_ROW_SELECT }>;

export type { DeskRow };

export function toDeskRow(row: DeskRowRecord): DeskRow {
  return {
    id: row.id,
    title: row.title,
    source: { name: row.sourceName, domain: row.source.domain },
    publishedAt: row.publishedAt.toISOString(),
    published: row.published,
    quality: row.quality,
    heat: row.heat,
    publishAt: row.publishAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    editedByEditors: Boolean(row.publishedEditedAt ?? row.qualityEditedAt),
    inStory: row.story ? { id: row.story.id, articles: row.story._count.articles } : null,
  };
}

type EditorialColumns = { published: boolean; quality: number | null; publishAt: Date | null; unpublishAt: Date | null };

/** A row's editorial values in their travelling form. */
export function editorialValues(row: EditorialColumns): EditorialValues {
  return {
    published: row.published,
    quality: row.quality,
    publishAt: row.publishAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
  };
}

const instant = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The columns to write for new editorial values. The `*EditedAt` stamps are
 * the provenance the importer checks: once set, re-importing never reverts
 * the field ("editors win"), whichever desk path set it.
 */
export function editorialColumns(values: Partial<EditorialValues>, now: Date): Prisma.ArticleUpdateManyMutationInput {
  return {
    ...(values.published !== undefined ? { published: values.published, publishedEditedAt: now } : {}),
    ...(values.quality !== undefined ? { quality: values.quality, qualityRank: qualityRank(values.quality), qualityEditedAt: now } : {}),
    ...(values.publishAt !== undefined ? { publishAt: instant(values.publishAt) } : {}),
    ...(values.unpublishAt !== undefined ? { unpublishAt: instant(values.unpublishAt) } : {}),
  };
}

/** New editorial values and the next version: every editorial change bumps it. */
export function editorialUpdate(values: Partial<EditorialValues>, now: Date): Prisma.ArticleUpdateManyMutationInput {
  return { ...editorialColumns(values, now), version: { increment: 1 } };
}

/** The fields whose requested value differs from the current one. */
export function changedFields(current: EditorialValues, wanted: Partial<EditorialValues>): EditorialField[] {
  return EDITORIAL_FIELDS.filter((field) => wanted[field] !== undefined && wanted[field] !== current[field]);
}
