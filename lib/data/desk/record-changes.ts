import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ChangeVia, EditorialField } from './editorial-fields';
import type { DbClient } from '../../db/client';

export type ChangeRecord = {
  articleId: number;
  field: EditorialField;
  oldValue: unknown;
  newValue: unknown;
};

/**
 * The audit trail: one row per changed field, written by the mutation itself
 * inside its transaction, so history and data can never disagree.
 */
export async function recordChanges(
  tx: DbClient,
  changes: ChangeRecord[],
  context: { userId: string; via: ChangeVia; batchId?: string; undoOfId?: string; at: Date },
): Promise<void> {
  if (changes.length === 0) return;
  await tx.articleChange.createMany({
    data: changes.map((change) => ({
      id: randomUUID(),
      articleId: change.articleId,
      field: change.field,
      oldValue: JSON.stringify(change.oldValue),
      newValue: JSON.stringify(change.newValue),
      userId: context.userId,
      via: context.via,
      batchId: context.batchId ?? null,
      undoOfId: context.undoOfId ?? null,
      createdAt: context.at,
    })),
  });
}
