import 'server-only';
import type { DbClient } from '../../db/client';
import { dayBounds, siteTimeZone } from '../../digest/day-bounds.mjs';
import { DIGEST_SIZE, type Digest, type DigestStory } from '../../schemas/digest';
import { STORY_CARD_SELECT, toStoryCard, type StoryCard } from '../reader/story-card';
import { visibleArticleWhere } from '../reader/visibility';

/** How many other outlets each story lists in a digest. */
const COVERAGE_SHOWN = 5;

const ORDER = [{ qualityRank: 'desc' }, { heatRank: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }] as const;

function digestStory(card: StoryCard, pinned: boolean): DigestStory {
  return {
    id: card.id,
    path: card.path,
    title: card.title,
    url: card.url,
    excerpt: card.excerpt,
    source: { name: card.source.name, domain: card.source.domain },
    publishedAt: card.publishedAt,
    quality: card.quality,
    heat: card.heat,
    pinned,
    coverage: card.related.slice(0, COVERAGE_SHOWN).map((link) => ({
      title: link.title,
      url: link.url,
      sourceName: link.sourceName,
      publishedAt: link.publishedAt,
    })),
  };
}

/**
 * The day's top stories as they stand at `now`: what readers can see that
 * was published that day (in the site's time zone), by quality then heat;
 * editors' pins first, their drops left out.
 */
export async function computeDigest(db: DbClient, day: string, now: Date, note: string | null): Promise<Digest> {
  const { start, end } = dayBounds(day, siteTimeZone());
  const picks = await db.digestPick.findMany({ where: { day }, select: { articleId: true, kind: true } });
  const pinned = picks.filter((pick) => pick.kind === 'pin').map((pick) => pick.articleId);
  const dropped = picks.filter((pick) => pick.kind === 'drop').map((pick) => pick.articleId);
  const visible = visibleArticleWhere(now);
  const [pins, ranked] = await Promise.all([
    pinned.length
      ? db.article.findMany({ where: { ...visible, id: { in: pinned } }, orderBy: [...ORDER], select: STORY_CARD_SELECT })
      : Promise.resolve([]),
    db.article.findMany({
      where: { ...visible, publishedAt: { gte: start, lt: end }, id: { notIn: [...dropped, ...pinned] } },
      orderBy: [...ORDER],
      take: DIGEST_SIZE,
      select: STORY_CARD_SELECT,
    }),
  ]);
  const stories = [...pins.map((row) => digestStory(toStoryCard(row), true)), ...ranked.map((row) => digestStory(toStoryCard(row), false))];
  return { day, note, generatedAt: now.toISOString(), stories: stories.slice(0, Math.max(DIGEST_SIZE, pins.length)) };
}
