import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DbClient, Prisma } from '../../db/client';
import type { TBulkEdit } from '../../schemas/desk';
import { deskFilterWhere } from './desk-filter-where';
import { RefusedError } from '../../errors/refused-error';
import { checkSchedule } from './check-schedule';
import {
  changedFields,
  DESK_ROW_SELECT,
  EDITORIAL_FIELDS,
  editorialColumns,
  editorialValues,
  toDeskRow,
  type ChangeVia,
  type EditorialField,
} from './editorial-fields';

import { recordChanges, type ChangeRecord } from './record-changes';

export type { BulkOutcome };
import type { BulkOutcome } from '../../schemas/desk-responses';

/** Keeps `IN (…)` lists under every driver's parameter limit. */
const CHUNK = 5_000;

async function inChunks(ids: number[], work: (chunk: number[]) => Promise<unknown>) {
  for (let start = 0; start < ids.length; start += CHUNK) await work(ids.slice(start, start + CHUNK));
}

const TARGET_SELECT = {
  id: true,
  title: true,
  version: true,
  published: true,
  quality: true,
  publishAt: true,
  unpublishAt: true,
} satisfies Prisma.ArticleSelect;

async function explicitTargets(tx: DbClient, articles: { id: number; version: number }[]) {
  const seen = new Map(articles.map((article) => [article.id, article.version]));
  const ids = [...seen.keys()];
  const rows: Prisma.ArticleGetPayload<{ select: typeof TARGET_SELECT }>[] = [];
  await inChunks(ids, async (chunk) => rows.push(...(await tx.article.findMany({ where: { id: { in: chunk } }, select: TARGET_SELECT }))));
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new RefusedError(404, `No article ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}: nothing was changed.`);
  const stale = rows.filter((row) => row.version !== seen.get(row.id));
  if (stale.length) {
    const current = await tx.article.findMany({ where: { id: { in: stale.slice(0, 100).map((row) => row.id) } }, select: DESK_ROW_SELECT });
    throw new RefusedError(
      409,
      `${stale.length} of the selected articles changed since you loaded them, so nothing was changed. Reload and try again.`,
      current.map(toDeskRow),
    );
  }
  return rows;
}

/**
 * One change to many articles, atomically: all of it or none. Explicit picks
 * must still be at the versions the editor saw; "everything matching the
 * filter" applies to what matches when it runs. Articles already in the
 * wanted state are left alone and not counted as changed.
 */
export async function bulkEditArticles(tx: DbClient, userId: string, edit: TBulkEdit, via: ChangeVia): Promise<BulkOutcome> {
  const filterWhere = 'filter' in edit.selection ? (await deskFilterWhere(edit.selection.filter)).where : null;
  const targets =
    'articles' in edit.selection
      ? await explicitTargets(tx, edit.selection.articles)
      : await tx.article.findMany({ where: filterWhere!, select: TARGET_SELECT });
  const at = new Date();
  const batchId = randomUUID();
  const changes: ChangeRecord[] = [];
  const idsByField = new Map<EditorialField, number[]>(EDITORIAL_FIELDS.map((field) => [field, []]));
  for (const target of targets) {
    const values = editorialValues(target);
    const fields = changedFields(values, edit);
    if (fields.length === 0) continue;
    try {
      checkSchedule(values, Object.fromEntries(fields.map((field) => [field, edit[field]])), at);
    } catch (error) {
      if (error instanceof RefusedError)
        throw new RefusedError(400, `“${target.title}”: ${error.message}. Nothing was changed.`, undefined, error.issues);
      throw error;
    }
    for (const field of fields) {
      idsByField.get(field)!.push(target.id);
      changes.push({ articleId: target.id, field, oldValue: values[field], newValue: edit[field] });
    }
  }
  const changedIds = [...new Set(changes.map((change) => change.articleId))];
  if (changedIds.length === 0) return { batchId: null, matched: targets.length, changed: 0 };

  for (const [field, ids] of idsByField) {
    const data = editorialColumns({ [field]: edit[field] }, at);
    await inChunks(ids, (chunk) => tx.article.updateMany({ where: { id: { in: chunk } }, data }));
  }
  await inChunks(changedIds, (chunk) => tx.article.updateMany({ where: { id: { in: chunk } }, data: { version: { increment: 1 } } }));
  for (let start = 0; start < changes.length; start += CHUNK) {
    await recordChanges(tx, changes.slice(start, start + CHUNK), { userId, via, batchId, at });
  }
  return { batchId, matched: targets.length, changed: changedIds.length };
}
