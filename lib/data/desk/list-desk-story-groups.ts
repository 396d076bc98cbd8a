import 'server-only';
import { getDb } from '../../db/client';
import type { TDeskQuery } from '../../schemas/desk';
import type { DeskPage, DeskRow, DeskStoryGroup } from '../../schemas/desk-responses';
import { pickLead } from '../../stories/pick-lead';
import { isVisible } from '../reader/visibility';
import { deskFilterWhere } from './desk-filter-where';
import { deskOrderBy } from './desk-order-by';
import { DESK_ROW_SELECT, toDeskRow } from './editorial-fields';

/** Members listed with a story; a bigger story lists its newest. */
const MEMBER_LIMIT = 200;

/**
 * The desk's table grouped by story: one row per story that has a matching
 * article, placed where its best-placed matching article would be in the
 * table's order, paged by story. Each row is the story's lead (the one
 * readers see first, else that best-placed article), with the counts and the
 * other members, published or not, whether they match the filter or not.
 * An article without a story is a story of its own.
 */
export async function listDeskStoryGroups(query: TDeskQuery): Promise<DeskPage> {
  const db = getDb();
  const { where, searchTruncated } = await deskFilterWhere(query);
  const matching = await db.article.findMany({ where, orderBy: deskOrderBy(query), select: { id: true, storyId: true } });
  // The stories in table order, each at its first (best-placed) matching article.
  const placed = new Map<string, { storyId: number | null; firstId: number }>();
  for (const article of matching) {
    const key = article.storyId === null ? `article:${article.id}` : `story:${article.storyId}`;
    if (!placed.has(key)) placed.set(key, { storyId: article.storyId, firstId: article.id });
  }
  const total = placed.size;
  const onPage = [...placed.values()].slice((query.page - 1) * query.pageSize, query.page * query.pageSize);

  const storyIds = onPage.flatMap((entry) => (entry.storyId === null ? [] : [entry.storyId]));
  const loneIds = onPage.flatMap((entry) => (entry.storyId === null ? [entry.firstId] : []));
  const [stories, members] = await Promise.all([
    db.story.findMany({ where: { id: { in: storyIds } }, select: { id: true, leadArticleId: true } }),
    db.article.findMany({
      where: { OR: [{ storyId: { in: storyIds } }, { id: { in: loneIds } }] },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      select: { ...DESK_ROW_SELECT, storyId: true, qualityRank: true },
    }),
  ]);
  const chosenLead = new Map(stories.map((story) => [story.id, story.leadArticleId]));
  const now = new Date();

  const groups: DeskStoryGroup[] = [];
  const rows: DeskRow[] = [];
  for (const entry of onPage) {
    const story = members.filter((member) => (entry.storyId === null ? member.id === entry.firstId : member.storyId === entry.storyId));
    const candidates = story.map((member) => ({ ...member, visible: isVisible(member, now) }));
    const lead =
      pickLead(candidates, entry.storyId === null ? null : (chosenLead.get(entry.storyId) ?? null)) ??
      candidates.find((member) => member.id === entry.firstId) ??
      candidates[0];
    // Moved out of its story since the first query: leave the entry out rather than show it wrong.
    if (!lead) continue;
    rows.push(toDeskRow(lead));
    groups.push({
      leadId: lead.id,
      storyId: entry.storyId,
      articles: story.length,
      unpublished: story.filter((member) => !member.published).length,
      others: story
        .filter((member) => member.id !== lead.id)
        .slice(0, MEMBER_LIMIT)
        .map(toDeskRow),
    });
  }
  return {
    rows,
    groups,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    searchTruncated,
  };
}
