import 'server-only';
import type { DbClient } from '../../db/client';

/** Whether a recorded story decision still holds (nothing changed it since), so it can be undone. */
export async function storyChangeIsCurrent(db: DbClient, change: { articleId: number; field: string; newValue: string }): Promise<boolean> {
  const value = JSON.parse(change.newValue) as { story?: number; mergedInto?: number | null; pinned?: number | null; lead?: number | null };
  switch (change.field) {
    case 'story.merge': {
      const story = await db.story.findUnique({ where: { id: value.story ?? 0 }, select: { mergedIntoId: true } });
      return !!story && story.mergedIntoId === value.mergedInto;
    }
    case 'story.split': {
      const article = await db.article.findUnique({ where: { id: change.articleId }, select: { pinnedStoryId: true } });
      return !!article && article.pinnedStoryId === value.pinned;
    }
    case 'story.lead': {
      const story = await db.story.findUnique({ where: { id: value.story ?? 0 }, select: { leadArticleId: true } });
      return !!story && story.leadArticleId === value.lead;
    }
    default:
      return false;
  }
}
