import 'server-only';
import { getDb } from '../../db/client';
import { DESK_ROW_SELECT, toDeskRow, type DeskRow } from './editorial-fields';

export type ChangeEntry = {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  via: string;
  batchId: string | null;
  undoOfId: string | null;
  createdAt: string;
  user: { email: string; name: string | null } | null;
  /** Whether undoing it is still possible: the field still holds the value it set, and it was not undone. */
  undoable: boolean;
};

export type DeskArticle = DeskRow & {
  excerpt: string | null;
  url: string | null;
  filePath: string | null;
  filePublished: boolean | null;
  fileQuality: number | null;
  history: ChangeEntry[];
};

/** One article as the desk shows it, with its full change history, newest first. */
export async function getDeskArticle(id: number): Promise<DeskArticle | null> {
  const db = getDb();
  const article = await db.article.findUnique({
    where: { id },
    select: {
      ...DESK_ROW_SELECT,
      excerpt: true,
      webUrl: true,
      originalUrl: true,
      filePath: true,
      filePublished: true,
      fileQuality: true,
    },
  });
  if (!article) return null;
  const changes = await db.articleChange.findMany({
    where: { articleId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { user: { select: { email: true, name: true } } },
  });
  const undone = new Set(changes.map((change) => change.undoOfId).filter(Boolean));
  const latestPerField = new Map<string, string>();
  for (const change of changes) if (!latestPerField.has(change.field)) latestPerField.set(change.field, change.id);
  return {
    ...toDeskRow(article),
    excerpt: article.excerpt,
    url: article.webUrl ?? article.originalUrl,
    filePath: article.filePath,
    filePublished: article.filePublished,
    fileQuality: article.fileQuality,
    history: changes.map((change) => ({
      id: change.id,
      field: change.field,
      oldValue: JSON.parse(change.oldValue),
      newValue: JSON.parse(change.newValue),
      via: change.via,
      batchId: change.batchId,
      undoOfId: change.undoOfId,
      createdAt: change.createdAt.toISOString(),
      user: change.user,
      undoable: !undone.has(change.id) && JSON.stringify(article[change.field as 'published' | 'quality']) === change.newValue,
    })),
  };
}
