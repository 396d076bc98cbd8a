import 'server-only';
import { getDb } from '../../db/client';
import { mergeCardCoverage, outletKey } from '../../reader/merge-coverage';
import { pickLead } from '../../stories/pick-lead';
import { STORY_CARD_SELECT, toStoryCard, type StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

/**
 * One card per story, as every listing shows it: the lead (the editors'
 * choice while visible, else the visible member with the highest quality,
 * then the newest), with the other visible members' outlets and every
 * related link merged into its coverage, each outlet and URL once, and the
 * number of sources. Only visible members are read; a story with none has
 * no card. A negative id stands for an article not yet in a story.
 */
export async function loadStoryCards(storyIds: readonly number[], now = new Date()): Promise<Map<number, StoryCard>> {
  const cards = new Map<number, StoryCard>();
  if (storyIds.length === 0) return cards;
  const stories = storyIds.filter((id) => id > 0);
  const loose = storyIds.filter((id) => id < 0).map((id) => -id);
  const db = getDb();
  const [rows, chosen] = await Promise.all([
    db.article.findMany({
      where: { ...visibleArticleWhere(now), OR: [{ storyId: { in: stories } }, { id: { in: loose }, storyId: null }] },
      select: STORY_CARD_SELECT,
    }),
    db.story.findMany({ where: { id: { in: stories }, leadArticleId: { not: null } }, select: { id: true, leadArticleId: true } }),
  ]);
  const leadChoice = new Map(chosen.map((story) => [story.id, story.leadArticleId]));
  const members = new Map<number, StoryCard[]>();
  for (const row of rows) {
    const card = toStoryCard(row);
    const group = members.get(card.storyId);
    if (group) group.push(card);
    else members.set(card.storyId, [card]);
  }
  for (const [storyId, group] of members) {
    const candidates = group.map((card) => ({
      card,
      id: card.id,
      visible: true,
      qualityRank: card.quality ?? -1,
      publishedAt: card.publishedAt,
    }));
    const lead = pickLead(candidates, leadChoice.get(storyId) ?? null)!.card;
    const others = group.filter((card) => card !== lead);
    const { links, sources } = mergeCardCoverage(
      { urls: [lead.url], outlet: outletKey({ sourceDomain: lead.source.domain, sourceName: lead.source.name, url: lead.url }) },
      others.map((card) => ({
        title: card.title,
        url: card.url,
        sourceName: card.source.name,
        sourceDomain: card.source.domain,
        publishedAt: card.publishedAt,
      })),
      [lead, ...others].flatMap((card) => card.related),
    );
    cards.set(storyId, { ...lead, related: links, sources });
  }
  return cards;
}
