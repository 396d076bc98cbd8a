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
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArticles } from './generate-articles';
import { buildIsCurrent, recordBuild } from '../lib/build/build-fingerprint';
import { findSeedFiles } from '../lib/import/find-seed-files';
import { readSeedFile } from '../lib/import/read-seed-file';
import { importSeedFolder } from '../lib/import/import-seed-folder';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { RAW_SLICE, RawBulkInserter } from './raw-bulk-insert';
import { freshDatabase as freshDatabaseIn, resetAppConnection, round, stats, timed, type Stats } from './bench-support';

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
const WORK = resolve('bench/.work');
const freshDatabase = (database: 'sqlite' | 'postgresql', name: string) => freshDatabaseIn(database, name, WORK, values.postgres!);
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function corpus(size: number): Promise<string> {
  const folder = join(WORK, `articles-${size}`);
  if (!existsSync(join(folder, '.complete'))) {
    rmSync(folder, { recursive: true, force: true });
    console.log(`generating ${size} articles in ${folder}`);
    await generateArticles(folder, size, 42);
    writeFileSync(join(folder, '.complete'), '');
    // Flush the new files now, so that the kernel's write-back of hundreds of
    // megabytes does not compete with the import measured next.
    spawnSync('sync');
  }
  return folder;
}

async function measureSeeding(database: 'sqlite' | 'postgresql', size: number, folder: string) {
  const url = await freshDatabase(database, `newsdesk_bench_${size}`);
  const sql = await openSqlConnection(url);
  const report = await importSeedFolder(sql, folder);
  await sql.close();
  if (report.rejected.length) throw new Error(`benchmark corpus had rejected files: ${report.rejected[0]?.errors}`);

  // The physical limit: the same rows, parsed beforehand (untimed, a slice at
  // a time so a million articles fit in memory), inserted straight through the driver.
  const paths = await findSeedFiles(folder);
  const rawUrl = await freshDatabase(database, `newsdesk_bench_raw_${size}`);
  const raw = await openSqlConnection(rawUrl);
  const inserter = new RawBulkInserter(raw);
  let rawMs = 0;
  let rawRows = 0;
  for (let start = 0; start < paths.length; start += RAW_SLICE) {
    const slice = paths.slice(start, start + RAW_SLICE).flatMap((path) => {
      const result = readSeedFile(folder, path);
      return result.status === 'parsed' ? [result.rows] : [];
    });
    const started = performance.now();
    await inserter.insert(slice);
    rawMs += performance.now() - started;
    rawRows += slice.length;
  }
  const started = performance.now();
  await inserter.finish();
  rawMs += performance.now() - started;
  const rawSeconds = rawMs / 1000;
  await raw.close();
  return {
    url,
    seeding: { seconds: round(report.seconds), articlesPerSecond: Math.round(size / report.seconds) },
    rawInsert: { seconds: round(rawSeconds), articlesPerSecond: Math.round(rawRows / rawSeconds) },
    ratio: round(report.seconds / rawSeconds, 2),
  };
}

/** `next build` renders the reader pages once, so it needs a migrated database: the one under test. */
function ensureBuild(url: string) {
  if (buildIsCurrent()) return;
  console.log('building the app');
  const result = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error('next build failed');
  recordBuild();
}

async function startServer(url: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'start', '--port', String(PORT), '--hostname', '127.0.0.1'],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: 'bench-secret-not-for-production',
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      },
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 240; i++) {
    const response = await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null);
    if (response?.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not start');
}

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
  const server = await startServer(url);
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
    process.kill(-server.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
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
    const seeding = await measureSeeding(database, size, folder);
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
