import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/client';
import type { TUndo } from '../../schemas/desk';
import { RefusedError } from '../../errors/refused-error';
import { DESK_ROW_SELECT, editorialUpdate, toDeskRow, type EditorialField } from './editorial-fields';

import { recordChanges } from './record-changes';
import { STORY_CHANGE_FIELDS } from '../../schemas/stories';
import { undoStoryChange } from '../stories/undo-story-change';

export type { UndoOutcome };
import type { UndoOutcome } from '../../schemas/desk-responses';

/**
 * Puts fields back to what a change (or a whole bulk batch) replaced. A field
 * someone has changed again since is not touched: for a single change that
 * is a conflict; for a batch those articles are skipped and counted. The
 * undo is itself audited, and counts as an editor's decision.
 */
export async function undoChanges(tx: DbClient, userId: string, undo: TUndo): Promise<UndoOutcome> {
  const changes =
    'changeId' in undo
      ? await tx.articleChange.findMany({ where: { id: undo.changeId } })
      : await tx.articleChange.findMany({ where: { batchId: undo.batchId } });
  if (changes.length === 0) throw new RefusedError(404, 'There is no such change to undo.');
  const alreadyUndone = new Set(
    (await tx.articleChange.findMany({ where: { undoOfId: { in: changes.map((change) => change.id) } }, select: { undoOfId: true } })).map(
      (row) => row.undoOfId,
    ),
  );
  const articles = new Map(
    (
      await tx.article.findMany({
        where: { id: { in: [...new Set(changes.map((change) => change.articleId))] } },
        select: DESK_ROW_SELECT,
      })
    ).map((article) => [article.id, article]),
  );
  const at = new Date();
  const batchId = randomUUID();
  let undone = 0;
  let skipped = 0;
  for (const change of changes) {
    if ((STORY_CHANGE_FIELDS as readonly string[]).includes(change.field)) {
      if (alreadyUndone.has(change.id)) throw new RefusedError(409, 'This change was already undone.');
      if (!(await undoStoryChange(tx, userId, change))) {
        throw new RefusedError(409, 'The story was changed again since; undo the newer change first.');
      }
      undone++;
      continue;
    }
    const article = articles.get(change.articleId);
    const field = change.field as EditorialField;
    const stillCurrent = article && !alreadyUndone.has(change.id) && JSON.stringify(article[field]) === change.newValue;
    if (!stillCurrent) {
      if ('changeId' in undo) {
        if (alreadyUndone.has(change.id))
          throw new RefusedError(409, 'This change was already undone.', article ? toDeskRow(article) : undefined);
        throw new RefusedError(
          409,
          'The article was changed again since; undo the newer change first.',
          article ? toDeskRow(article) : undefined,
        );
      }
      skipped++;
      continue;
    }
    const previous = JSON.parse(change.oldValue) as boolean | number | string | null;
    const updated = await tx.article.updateMany({
      where: { id: article.id, version: article.version },
      data: editorialUpdate({ [field]: previous }, at),
    });
    if (updated.count === 0) throw new RefusedError(409, 'The article changed while undoing; try again.');
    article.version += 1;
    (article as Record<EditorialField, unknown>)[field] = previous;
    await recordChanges(tx, [{ articleId: article.id, field, oldValue: JSON.parse(change.newValue), newValue: previous }], {
      userId,
      via: 'undo',
      undoOfId: change.id,
      batchId: 'batchId' in undo ? batchId : undefined,
      at,
    });
    undone++;
  }
  return { undone, skipped, batchId };
}
