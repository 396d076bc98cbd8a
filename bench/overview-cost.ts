/**
 * npm run bench:overview -- [--size 100000] [--databases sqlite,postgresql] [--runs 30]
 *
 * Server time (in process, p50/p95 ms) of the desk's overview at scale: the
 * whole page's data (queue, river, every chart) for several filters, each
 * panel on its own, next to the existing desk table's default page (the
 * baseline) in the same run, on the same database. The corpus is the
 * generated one (bench/.work/articles-<size>), dated over several years; a
 * change trail of 20,000 edits by 8 editors over the last 90 days is added,
 * and every unpublished article counts as a new arrival (the worst queue).
 */
import { parseArgs } from 'node:util';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { importSeedFolder } from '../lib/import/import-seed-folder';
import { corpus, freshDatabase, resetAppConnection, timed, type Engine, type Stats } from './bench-support';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    runs: { type: 'string', default: '30' },
    postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const RUNS = Number(values.runs);
const DAY = 86_400_000;

async function addChangeTrail(url: string): Promise<string[]> {
  const { getDb } = await import('../lib/db/client');
  const { createUser } = await import('../lib/data/users/create-user');
  const db = getDb();
  const editors: string[] = [];
  for (let i = 0; i < 8; i++) {
    editors.push((await createUser(db, { email: `bench-editor-${i}@bench.test`, role: 'EDITOR', password: 'bench password 1234' })).id);
  }
  const sql = await openSqlConnection(url);
  try {
    const ids = (await sql.query<{ id: number }>(`SELECT "id" FROM "Article" ORDER BY "id"`)).map((row) => Number(row.id));
    const now = Date.now();
    const p = (n: number) => sql.placeholder(n);
    await sql.transaction(async () => {
      for (let i = 0; i < 20_000; i++) {
        await sql.query(
          `INSERT INTO "ArticleChange" ("id", "articleId", "userId", "field", "oldValue", "newValue", "via", "createdAt")
           VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)})`,
          [
            `bench${i}`,
            ids[(i * 7919) % ids.length]!,
            editors[i % editors.length]!,
            'quality',
            'null',
            String(i % 1000),
            'desk',
            new Date(now - ((i * 104729) % (90 * DAY))),
          ],
        );
      }
    });
    await sql.analyze();
  } finally {
    await sql.close();
  }
  return editors;
}

async function queries(userId: string) {
  const { getDb } = await import('../lib/db/client');
  const { loadOverview } = await import('../lib/data/overview/load-overview');
  const { countArticlesPerDay } = await import('../lib/data/overview/count-articles-per-day');
  const { listTopSources } = await import('../lib/data/overview/list-top-sources');
  const { countQualityDistribution } = await import('../lib/data/overview/count-quality-distribution');
  const { listRisingTopics } = await import('../lib/data/overview/list-rising-topics');
  const { countEditorChangesPerDay } = await import('../lib/data/overview/count-editor-changes-per-day');
  const { listDecisionQueue } = await import('../lib/data/overview/list-decision-queue');
  const { countDecisionQueue } = await import('../lib/data/overview/count-decision-queue');
  const { listStories } = await import('../lib/data/reader/list-stories');
  const { listDeskArticles } = await import('../lib/data/desk/list-desk-articles');
  const { ZDeskQuery } = await import('../lib/schemas/desk');
  const { ZOverviewQuery } = await import('../lib/schemas/overview');
  const db = getDb();
  // The corpus's newest article: "today" for the charts, so their ranges hold articles.
  const newest = await db.article.findFirstOrThrow({ orderBy: { publishedAt: 'desc' }, select: { publishedAt: true } });
  const today = newest.publishedAt.toISOString().slice(0, 10);
  const busiest = await db.articleTopic.groupBy({
    by: ['topicId'],
    _count: { articleId: true },
    orderBy: { _count: { articleId: 'desc' } },
    take: 1,
  });
  const topic = await db.topic.findUniqueOrThrow({ where: { id: busiest[0]!.topicId }, select: { id: true, slug: true } });
  const days = (n: number) => ({ from: new Date(Date.parse(`${today}T00:00:00Z`) - (n - 1) * DAY).toISOString().slice(0, 10), to: today });
  const range = (n: number, topicId?: number) => ({
    start: new Date(Date.parse(`${today}T00:00:00Z`) - (n - 1) * DAY),
    end: new Date(Date.parse(`${today}T00:00:00Z`) + DAY),
    topicId,
  });
  const overview = (query: Record<string, unknown>) => () => loadOverview(db, userId, ZOverviewQuery.parse(query));
  return {
    'baseline: desk table, default page (exact count)': () => listDeskArticles(ZDeskQuery.parse({})),
    'overview, 30 days': overview(days(30)),
    'overview, 90 days': overview(days(90)),
    'overview, 90 days, busiest topic': overview({ ...days(90), topic: topic.slug }),
    'overview, 366 days': overview(days(366)),
    'panel: river now (3 orders × 10)': () =>
      Promise.all((['latest', 'top', 'trending'] as const).map((order) => listStories(order, undefined, {}, 10))),
    'panel: decision queue (25 rows + capped count)': () => listDecisionQueue(db, new Date(0)),
    'panel: navigation count': () => countDecisionQueue(db, userId, new Date()),
    'panel: articles per day, 90 days': () => countArticlesPerDay(db, range(90)),
    'panel: top sources, 90 days': () => listTopSources(db, range(90)),
    'panel: quality distribution, 90 days': () => countQualityDistribution(db, range(90)),
    'panel: rising topics': () => listRisingTopics(db, range(1).end),
    'panel: editors per day, 90 days': () => countEditorChangesPerDay(db, range(90)),
    'panel: articles per day, 90 days, topic': () => countArticlesPerDay(db, range(90, topic.id)),
    'panel: top sources, 90 days, topic': () => listTopSources(db, range(90, topic.id)),
    'panel: decision queue, topic': () => listDecisionQueue(db, new Date(0), { topicId: topic.id }),
    'panel: river now, topic': () =>
      Promise.all((['latest', 'top', 'trending'] as const).map((order) => listStories(order, undefined, { topicId: topic.id }, 10))),
  } satisfies Record<string, () => Promise<unknown>>;
}

for (const engine of values.databases!.split(',') as Engine[]) {
  const folder = await corpus(Number(values.size));
  const url = await freshDatabase(engine, `newsdesk_bench_overview`, values.postgres!);
  const sql = await openSqlConnection(url);
  const report = await importSeedFolder(sql, folder);
  await sql.close();
  process.env.DATABASE_URL = url;
  await resetAppConnection();
  const [editor] = await addChangeTrail(url);
  await resetAppConnection();
  console.log(`\n${engine}: ${report.created} articles, 20,000 changes by 8 editors`);
  const results: Record<string, Stats> = {};
  for (const [name, work] of Object.entries(await queries(editor!))) results[name] = await timed(RUNS, work);
  console.log('| query | p50 (ms) | p95 (ms) |');
  console.log('| --- | --- | --- |');
  for (const [name, stats] of Object.entries(results)) console.log(`| ${name} | ${stats.p50} | ${stats.p95} |`);
  await resetAppConnection();
}
