import 'server-only';
import { safeHttpUrl } from '../../links/safe-url';
import { getDb } from '../../db/client';
import type { ChangeEntry, DeskArticle } from '../../schemas/desk-responses';
import { STORY_CHANGE_FIELDS } from '../../schemas/stories';
import { getArticleStory } from '../stories/get-article-story';
import { storyChangeIsCurrent } from '../stories/story-change-is-current';
import { DESK_ROW_SELECT, toDeskRow, type EditorialField } from './editorial-fields';

export type { ChangeEntry, DeskArticle };

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
  const storyFields: readonly string[] = STORY_CHANGE_FIELDS;
  const currentStoryChanges = new Set<string>();
  for (const change of changes) {
    if (storyFields.includes(change.field) && !undone.has(change.id) && !change.undoOfId && (await storyChangeIsCurrent(db, change))) {
      currentStoryChanges.add(change.id);
    }
  }
  return {
    ...toDeskRow(article),
    excerpt: article.excerpt,
    url: safeHttpUrl(article.webUrl) ?? safeHttpUrl(article.originalUrl),
    filePath: article.filePath,
    filePublished: article.filePublished,
    fileQuality: article.fileQuality,
    story: await getArticleStory(db, id),
    history: changes.map((change) => ({
      id: change.id,
      field: change.field,
      oldValue: JSON.parse(change.oldValue),
      newValue: JSON.parse(change.newValue),
      via: change.via as ChangeEntry['via'],
      batchId: change.batchId,
      undoOfId: change.undoOfId,
      createdAt: change.createdAt.toISOString(),
      user: change.user,
      undoable: storyFields.includes(change.field)
        ? currentStoryChanges.has(change.id)
        : !undone.has(change.id) && JSON.stringify(article[change.field as EditorialField]) === change.newValue,
    })),
  };
}
