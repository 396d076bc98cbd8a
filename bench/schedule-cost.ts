/**
 * npm run bench:schedule -- [--corpus bench/.work/articles-100000] [--databases sqlite,postgresql]
 *
 * What visibility windows cost readers and the desk: the same in-process
 * queries (server time, p50/p95 ms) on the same database, first with no
 * schedule anywhere (the baseline), then with a window on 10% of the
 * published articles (half live with a future end, a quarter still to go
 * live, a quarter already down).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { importSeedFolder } from '../lib/import/import-seed-folder';
import { freshDatabase, resetAppConnection, timed, type Stats } from './bench-support';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'bench/.work/articles-100000' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    runs: { type: 'string', default: '40' },
    postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const RUNS = Number(values.runs);
const HOUR = 3_600_000;

async function queries() {
  const { listStories } = await import('../lib/data/reader/list-stories');
  const { searchStories } = await import('../lib/data/reader/search-stories');
  const { listTopics } = await import('../lib/data/reader/list-topics');
  const { listDeskArticles } = await import('../lib/data/desk/list-desk-articles');
  const { ZDeskQuery } = await import('../lib/schemas/desk');
  const deepCursor = async (order: 'latest' | 'top') => {
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) cursor = (await listStories(order, cursor)).nextCursor ?? cursor;
    return cursor;
  };
  const latest20 = await deepCursor('latest');
  const top20 = await deepCursor('top');
  const desk = (query: Record<string, unknown>) => () => listDeskArticles(ZDeskQuery.parse(query));
  return {
    'river: top, first page': () => listStories('top'),
    'river: latest, first page': () => listStories('latest'),
    'river: trending, first page': () => listStories('trending'),
    'river: latest, page 21': () => listStories('latest', latest20),
    'river: top, page 21': () => listStories('top', top20),
    'topics list': () => listTopics(),
    'search "security"': () => searchStories('security'),
    'desk: default': desk({}),
    'desk: live now': desk({ status: 'live' }),
    'desk: scheduled': desk({ status: 'scheduled' }),
  } satisfies Record<string, () => Promise<unknown>>;
}

async function measure(): Promise<Record<string, Stats>> {
  const results: Record<string, Stats> = {};
  for (const [name, work] of Object.entries(await queries())) results[name] = await timed(RUNS, work);
  return results;
}

async function scheduleTenPercent(url: string) {
  const sql = await openSqlConnection(url);
  try {
    const ids = (
      await sql.query<{ id: number }>(`SELECT "id" FROM "Article" WHERE "published" = ${sql.placeholder(1)} ORDER BY "id"`, [true])
    ).map((row) => Number(row.id));
    const now = Date.now();
    const windows = ids
      .filter((_, index) => index % 10 === 0)
      .map((id, index): [number, Date | null, Date | null] => {
        if (index % 4 === 0) return [id, new Date(now + 6 * HOUR), null];
        if (index % 4 === 1) return [id, null, new Date(now - 6 * HOUR)];
        return [id, new Date(now - 48 * HOUR), new Date(now + 48 * HOUR)];
      });
    await sql.transaction(async () => {
      for (const [id, publishAt, unpublishAt] of windows) {
        await sql.query(
          `UPDATE "Article" SET "publishAt" = ${sql.placeholder(1)}, "unpublishAt" = ${sql.placeholder(2)} WHERE "id" = ${sql.placeholder(3)}`,
          [publishAt, unpublishAt, id],
        );
      }
    });
    await sql.analyze();
    return windows.length;
  } finally {
    await sql.close();
  }
}

for (const engine of values.databases!.split(',') as ('sqlite' | 'postgresql')[]) {
  const url = await freshDatabase(engine, 'newsdesk_bench_schedule', values.postgres!);
  const sql = await openSqlConnection(url);
  const report = await importSeedFolder(sql, resolve(values.corpus!));
  await sql.close();
  process.env.DATABASE_URL = url;
  await resetAppConnection();
  console.log(`\n${engine}: ${report.created} articles imported`);
  const baseline = await measure();
  const scheduled = await scheduleTenPercent(url);
  await resetAppConnection();
  const windowed = await measure();
  console.log(`windows on ${scheduled} published articles (10%)`);
  console.log('| query | no windows p50 / p95 (ms) | 10% with windows p50 / p95 (ms) |');
  console.log('| --- | --- | --- |');
  for (const name of Object.keys(baseline)) {
    console.log(`| ${name} | ${baseline[name]!.p50} / ${baseline[name]!.p95} | ${windowed[name]!.p50} / ${windowed[name]!.p95} |`);
  }
  await resetAppConnection();
}
