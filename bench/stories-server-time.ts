/**
 * npx tsx --conditions=react-server bench/stories-server-time.ts --url <DATABASE_URL> [--runs 30]
 *
 * Server time (in process, no HTTP, no cache) of the story listings on a
 * database already filled (e.g. by `npm run bench:stories`), each beside its
 * baseline in the same run: the same page read as articles, one entry per
 * article, as the river did before stories.
 */
import { parseArgs } from 'node:util';
import { resetAppConnection, timed } from './bench-support';

const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '30' } } });
if (!values.url) throw new Error('--url is required');
process.env.DATABASE_URL = values.url;
await resetAppConnection();
const { getDb } = await import('../lib/db/client');
const { listStories } = await import('../lib/data/reader/list-stories');
const { searchStories } = await import('../lib/data/reader/search-stories');
const { STORY_CARD_SELECT, toStoryCard } = await import('../lib/data/reader/story-card');
const { visibleArticleWhere } = await import('../lib/data/reader/visibility');

const RUNS = Number(values.runs);
const ORDERS = {
  top: [{ qualityRank: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
  latest: [{ publishedAt: 'desc' }, { id: 'desc' }],
  trending: [{ trendingRank: 'desc' }, { id: 'desc' }],
} as const;
const articles = (order: keyof typeof ORDERS) => async () =>
  (
    await getDb().article.findMany({
      where: visibleArticleWhere(new Date()),
      orderBy: [...ORDERS[order]],
      take: 31,
      select: STORY_CARD_SELECT,
    })
  ).map(toStoryCard);

console.log('| query | stories p50 / p95 (ms) | baseline: articles p50 / p95 (ms) |');
console.log('| --- | --- | --- |');
for (const order of ['top', 'latest', 'trending'] as const) {
  const stories = await timed(RUNS, () => listStories(order));
  const baseline = await timed(RUNS, articles(order));
  console.log(`| river ${order}, first page | ${stories.p50} / ${stories.p95} | ${baseline.p50} / ${baseline.p95} |`);
}
// A word from a headline readers see, so the search has matches.
const word = (await listStories('latest')).stories[0]?.title.split(' ')[0] ?? 'news';
const search = await timed(RUNS, () => searchStories(word));
console.log(`| search "${word}" (one hit per story) | ${search.p50} / ${search.p95} | — |`);
await resetAppConnection();
