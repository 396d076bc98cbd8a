import 'server-only';
import type { DbClient } from '../../db/client';
import { RefusedError } from '../../errors/refused-error';

/** Removes one of the editor's own saved views. */
export async function deleteSavedView(db: DbClient, userId: string, id: string): Promise<{ id: string }> {
  const { count } = await db.savedView.deleteMany({ where: { id, userId } });
  if (count === 0) throw new RefusedError(404, 'You have no saved view with that id.');
  return { id };
}
