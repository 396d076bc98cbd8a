import type { Prisma } from '../../db/client';
import { qualityRank } from '../../ranking/trending';
import type { ChangeEntry, DeskRow } from '../../schemas/desk-responses';

export type EditorialField = 'published' | 'quality';
export type EditorialValues = { published: boolean; quality: number | null };
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
  version: true,
  updatedAt: true,
  publishedEditedAt: true,
  qualityEditedAt: true,
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
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    editedByEditors: Boolean(row.publishedEditedAt ?? row.qualityEditedAt),
  };
}

/**
 * The columns to write for new editorial values. The `*EditedAt` stamps are
 * the provenance the seeder checks: once set, re-seeding never reverts the
 * field ("editors win"), whichever desk path set it.
 */
export function editorialUpdate(values: Partial<EditorialValues>, now: Date): Prisma.ArticleUpdateManyMutationInput {
  return {
    ...(values.published !== undefined ? { published: values.published, publishedEditedAt: now } : {}),
    ...(values.quality !== undefined ? { quality: values.quality, qualityRank: qualityRank(values.quality), qualityEditedAt: now } : {}),
    version: { increment: 1 },
  };
}

/** The fields whose requested value differs from the current one. */
export function changedFields(current: EditorialValues, wanted: Partial<EditorialValues>): EditorialField[] {
  const fields: EditorialField[] = [];
  if (wanted.published !== undefined && wanted.published !== current.published) fields.push('published');
  if (wanted.quality !== undefined && wanted.quality !== current.quality) fields.push('quality');
  return fields;
}
