import 'server-only';
import type { DbClient } from '../../db/client';
import type { SavedView } from './list-saved-views';

/** Saves the desk's current filters and sort under a name (the same name again replaces it). */
export async function saveView(db: DbClient, userId: string, view: { name: string; query: string }): Promise<SavedView> {
  return db.savedView.upsert({
    where: { userId_name: { userId, name: view.name } },
    create: { userId, name: view.name, query: view.query },
    update: { query: view.query },
    select: { id: true, name: true, query: true },
  });
}
