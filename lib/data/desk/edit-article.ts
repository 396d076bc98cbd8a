import 'server-only';
import type { DbClient } from '../../db/client';
import type { TArticleEdit } from '../../schemas/desk';
import { RefusedError } from '../../errors/refused-error';
import { scoreLabel } from '../../ranking/score';
import { checkSchedule } from './check-schedule';
import {
  changedFields,
  DESK_ROW_SELECT,
  editorialUpdate,
  editorialValues,
  toDeskRow,
  type ChangeVia,
  type DeskRow,
} from './editorial-fields';
import { recordChanges } from './record-changes';

export function conflict(current: DeskRow): RefusedError {
  return new RefusedError(
    409,
    `Someone changed this article since you loaded it: it is now ${current.published ? 'published' : 'unpublished'}, quality ${scoreLabel(current.quality)}. Your change was not applied.`,
    current,
  );
}

/**
 * Sets any of `published`, `quality`, `publishAt` and `unpublishAt` on one article, if it is still at the
 * version the editor saw (compare-and-set: the UPDATE itself checks it, so
 * of two simultaneous edits exactly one wins and the other gets a conflict).
 */
export async function editArticle(tx: DbClient, userId: string, edit: TArticleEdit, via: ChangeVia): Promise<DeskRow> {
  const current = await tx.article.findUnique({ where: { id: edit.id }, select: DESK_ROW_SELECT });
  if (!current) throw new RefusedError(404, `There is no article ${edit.id}.`);
  if (current.version !== edit.version) throw conflict(toDeskRow(current));
  const values = editorialValues(current);
  const fields = changedFields(values, edit);
  if (fields.length === 0) return toDeskRow(current);
  const at = new Date();
  const wanted = Object.fromEntries(fields.map((field) => [field, edit[field]]));
  checkSchedule(values, wanted, at);
  const updated = await tx.article.updateMany({ where: { id: edit.id, version: edit.version }, data: editorialUpdate(wanted, at) });
  if (updated.count === 0) {
    const now = await tx.article.findUniqueOrThrow({ where: { id: edit.id }, select: DESK_ROW_SELECT });
    throw conflict(toDeskRow(now));
  }
  await recordChanges(
    tx,
    fields.map((field) => ({ articleId: edit.id, field, oldValue: values[field], newValue: edit[field] })),
    { userId, via, at },
  );
  return toDeskRow(await tx.article.findUniqueOrThrow({ where: { id: edit.id }, select: DESK_ROW_SELECT }));
}
