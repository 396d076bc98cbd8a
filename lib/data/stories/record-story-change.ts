import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/client';
import type { StoryChangeField } from '../../schemas/stories';
import type { ChangeVia } from '../desk/editorial-fields';

/**
 * A story decision in the article history (ArticleChange), where the desk's
 * undo finds it: `articleId` is the article it is about (the article split
 * out, the chosen lead, the first article of the merged story); the values
 * are JSON of what the decision replaced and set.
 */
export async function recordStoryChange(
  tx: DbClient,
  change: { articleId: number; field: StoryChangeField; oldValue: unknown; newValue: unknown },
  context: { userId: string; via: ChangeVia; undoOfId?: string; at?: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.articleChange.create({
    data: {
      id,
      articleId: change.articleId,
      field: change.field,
      oldValue: JSON.stringify(change.oldValue),
      newValue: JSON.stringify(change.newValue),
      userId: context.userId,
      via: context.via,
      undoOfId: context.undoOfId ?? null,
      createdAt: context.at ?? new Date(),
    },
  });
  return id;
}
