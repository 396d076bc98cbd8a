import 'server-only';
import type { DbClient } from '../../db/client';

export type SavedView = { id: string; name: string; query: string };

/** One editor's saved desk views, by name. */
export function listSavedViews(db: DbClient, userId: string): Promise<SavedView[]> {
  return db.savedView.findMany({ where: { userId }, orderBy: { name: 'asc' }, select: { id: true, name: true, query: true } });
}
