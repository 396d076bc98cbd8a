import 'server-only';
import type { DbClient } from '../../db/client';
import type { DeskStory } from '../../schemas/desk-responses';
import { pickLead } from '../../stories/pick-lead';
import { isVisible } from '../reader/visibility';

/** Articles listed with a story on the desk; a bigger story lists its newest. */
const MEMBER_LIMIT = 200;

/** The story an article is shown in, as editors see it: every member, published or not, and which one readers see first. */
export async function getArticleStory(db: DbClient, articleId: number, now = new Date()): Promise<DeskStory | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { storyId: true } });
  if (!article?.storyId) return null;
  const story = await db.story.findUnique({ where: { id: article.storyId }, select: { id: true, leadArticleId: true } });
  if (!story) return null;
  const members = await db.article.findMany({
    where: { storyId: story.id },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: MEMBER_LIMIT,
    select: {
      id: true,
      title: true,
      sourceName: true,
      source: { select: { domain: true } },
      publishedAt: true,
      published: true,
      publishAt: true,
      unpublishAt: true,
      pinnedStoryId: true,
      qualityRank: true,
    },
  });
  const rows = members.map((member) => ({ ...member, visible: isVisible(member, now) }));
  return {
    id: story.id,
    chosenLeadId: story.leadArticleId,
    leadId: pickLead(rows, story.leadArticleId)?.id ?? null,
    members: rows.map((member) => ({
      id: member.id,
      title: member.title,
      source: { name: member.sourceName, domain: member.source.domain },
      publishedAt: member.publishedAt.toISOString(),
      published: member.published,
      publishAt: member.publishAt?.toISOString() ?? null,
      unpublishAt: member.unpublishAt?.toISOString() ?? null,
      visible: member.visible,
      status: member.visible
        ? ('live' as const)
        : !member.published
          ? ('unpublished' as const)
          : member.publishAt && member.publishAt > now
            ? ('scheduled' as const)
            : ('expired' as const),
      pinned: member.pinnedStoryId !== null,
    })),
  };
}
