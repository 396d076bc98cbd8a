/**
 * npm run bench -- [--sizes 10000,100000] [--databases sqlite,postgresql] [--port 3200] [--duration 8]
 * npm run bench:million   (1,000,000 articles on PostgreSQL: ≈ 7 GB of files, about an hour)
 *
 * For each database and corpus size, on this machine, in one run:
 *  1. seeding throughput (articles/s) of `importSeedFolder` from files,
 *     next to a raw-driver bulk insert of the same, already parsed, rows;
 *  2. reader pages and feeds over HTTP (autocannon on loopback): requests/s
 *     and p50/p95 latency, next to a static page served by the same server;
 *  3. server-side time of an uncached feed, a search and the desk's
 *     list/filter/sort queries (in process, p50/p95);
 *  4. peak memory (VmHWM) of the app server process.
 * Results print as tables and are saved to bench/.work/results-<time>.json.
 * Corpora are generated once into bench/.work and reused.
 */
import autocannon from 'autocannon';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  corpus,
  ensureBuild,
  measureSeeding,
  resetAppConnection,
  round,
  startServer,
  stats,
  stopServer,
  timed,
  WORK,
  type Stats,
} from './bench-support';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    port: { type: 'string', default: '3200' },
    duration: { type: 'string', default: '8' },
    postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
const DATABASES = values.databases!.split(',') as ('sqlite' | 'postgresql')[];
const PORT = Number(values.port);
const DURATION = Number(values.duration);
process.env.NEXT_TELEMETRY_DISABLED = '1';

function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function load(path: string) {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${PORT}${path}`, connections: 10, duration: DURATION },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode >= 400) errors++;
    });
  });
  const latency = stats(latencies);
  return { requestsPerSecond: Math.round(result.requests.average), p50ms: latency.p50, p95ms: latency.p95, errors };
}

async function measureServer(url: string) {
  ensureBuild(url);
  const server = await startServer(url, PORT);
  try {
    const { rows } = { rows: await (await fetch(`http://127.0.0.1:${PORT}/topics`)).text() };
    const topic = /href="\/topics\/([^"]+)"/.exec(rows)?.[1] ?? 'ai';
    const endpoints: Record<string, string> = {
      'static page (/about)': '/about',
      'feed, cached (/rss.xml)': '/rss.xml',
      'topic feed, cached': `/topics/${topic}/feed.json`,
      'river, cached (/latest)': '/latest',
      'search (never cached)': '/search?q=climate+energy',
    };
    const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, path] of Object.entries(endpoints)) {
      for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${PORT}${path}`);
      results[name] = await load(path);
    }
    return { http: results, peakMemoryMb: peakMemoryMb(server.pid!) };
  } finally {
    await stopServer(server);
  }
}

/** Drops the app's shared Prisma client, so the next use connects to DATABASE_URL afresh. */

async function measureInProcess(url: string) {
  process.env.DATABASE_URL = url;
  await resetAppConnection();
  const { listStories } = await import('../lib/data/reader/list-stories');
  const { renderRss, storyFeedItem } = await import('../lib/reader/feeds');
  const { searchStories } = await import('../lib/data/reader/search-stories');
  const { listDeskArticles } = await import('../lib/data/desk/list-desk-articles');
  const { ZDeskQuery } = await import('../lib/schemas/desk');
  const feed = async () =>
    renderRss({
      title: 'x',
      description: 'x',
      path: '/',
      feedBase: '',
      items: (await listStories('latest', undefined, {}, 50)).stories.map(storyFeedItem),
    });
  const desk = (query: Record<string, unknown>) => () => listDeskArticles(ZDeskQuery.parse(query));
  const deskQueries: Record<string, Record<string, unknown>> = {
    'default (newest first)': {},
    'published only': { status: 'published' },
    'unpublished only': { status: 'unpublished' },
    'topic filter': { topic: 'ai' },
    'source filter': { source: 'outlet7.example.com' },
    'date range': { from: '2024-01-01', to: '2024-03-31' },
    'quality range': { qualityMin: 100, qualityMax: 150 },
    search: { q: 'climate battery' },
    'sort by title': { sort: 'title', dir: 'asc' },
    'sort by quality': { sort: 'quality' },
    'sort by heat': { sort: 'heat' },
    'sort by source': { sort: 'source', dir: 'asc' },
    'sort by updated': { sort: 'updatedAt' },
    'page 100': { page: 100 },
    'filter + sort': { status: 'published', topic: 'ai', sort: 'quality' },
  };
  const deskResults: Record<string, Stats> = {};
  for (const [name, query] of Object.entries(deskQueries)) deskResults[name] = await timed(20, desk(query));
  const result = {
    uncachedFeedMs: await timed(50, feed),
    uncachedRiverPageMs: await timed(50, () => listStories('top')),
    searchMs: await timed(30, () => searchStories('climate energy')),
    deskMs: deskResults,
    deskWorstP95Ms: Math.max(...Object.values(deskResults).map((entry) => entry.p95)),
  };
  await resetAppConnection();
  return result;
}

mkdirSync(WORK, { recursive: true });
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), node: process.version };
console.log('machine', machine);
const results: Record<string, unknown> = { machine, startedAt: new Date().toISOString(), durationSeconds: DURATION };
for (const size of SIZES) {
  const folder = await corpus(size);
  for (const database of DATABASES) {
    const key = `${database}-${size}`;
    console.log(`\n== ${key}: seeding`);
    const seeding = await measureSeeding(database, size, folder, values.postgres!);
    console.log(seeding);
    console.log(`== ${key}: server`);
    const server = await measureServer(seeding.url);
    console.table(server.http);
    console.log(`peak memory of the app server: ${server.peakMemoryMb} MB`);
    console.log(`== ${key}: in-process timings`);
    const inProcess = await measureInProcess(seeding.url);
    console.log({
      uncachedFeedMs: inProcess.uncachedFeedMs,
      uncachedRiverPageMs: inProcess.uncachedRiverPageMs,
      searchMs: inProcess.searchMs,
    });
    console.table(inProcess.deskMs);
    results[key] = { ...seeding, ...server, ...inProcess };
  }
}
const file = join(WORK, `results-${new Date().toISOString().replaceAll(':', '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nresults saved to ${file}`);
process.exit(0);
