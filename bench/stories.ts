/**
 * npm run bench:stories -- [--size 100000] [--databases sqlite,postgresql] [--arrivals 200] [--http sqlite] [--duration 6] [--reuse]
 *
 * Stories at scale, each figure beside its baseline from the same run, on a
 * corpus whose headlines, excerpts, dates and addresses come from the
 * synthetic stream of lib/stories/synthetic-stream.ts (realistic skewed
 * vocabulary, one article in ten repeating an earlier story; ~140 a day over
 * two years) and whose other fields come from bench/generate-articles.ts:
 *  1. the import of `size` synthetic articles into a fresh database, and the
 *     share of it spent assigning stories;
 *  2. assigning one arriving article (an import of one file, as the watcher
 *     does) at that size: p50/p95 of the story assignment beside the write of
 *     the article itself;
 *  3. `stories:rebuild` of everything, beside the pure in-memory clustering
 *     of the same articles (lib/stories, no database);
 *  4. over HTTP (autocannon on loopback, one engine), the cached river pages
 *     (/, /latest, /trending) beside a static page served by the same server.
 */
import autocannon from 'autocannon';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serialiseArticleFile } from '../lib/front-matter/serialise-article-file';
import { loadClusterInputs } from '../lib/db/bulk/load-cluster-inputs';
import { rebuildStories } from '../lib/db/bulk/rebuild-stories';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { importSeedFiles, importSeedFolder } from '../lib/import/import-seed-folder';
import { readSeedFilesOnWorkers } from '../lib/import/read-seed-files-on-workers';
import { assignStories } from '../lib/stories/assign-stories';
import type { ClusterInput } from '../lib/stories/cluster-input';
import { syntheticStream } from '../lib/stories/synthetic-stream';
import { ensureBuild, freshDatabase, round, startServer, stats, stopServer, WORK, type Engine } from './bench-support';
import { createGenerator } from './generate-articles';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    arrivals: { type: 'string', default: '200' },
    http: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '6' },
    port: { type: 'string', default: '3390' },
    /** Use the databases of an earlier run: take the arrivals out again, and skip the import. */
    reuse: { type: 'boolean', default: false },
    postgres: { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const SIZE = Number(values.size);
const ARRIVALS = Number(values.arrivals);
const PORT = Number(values.port);
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** A seed file: the generator's record, with the stream's headline, excerpt, date and address. */
function seedFile(generate: ReturnType<typeof createGenerator>, index: number, input: ClusterInput): string {
  const { ampWebUrl: _amp, cdnAmpWebUrl: _cdn, originalUrl: _original, ...record } = generate(index);
  return serialiseArticleFile({
    ...record,
    title: input.title,
    ...(input.excerpt ? { excerpt: input.excerpt } : {}),
    publishedDateTime: input.publishedAt.toISOString(),
    webUrl: input.urls[0]!,
  });
}

/** The first `SIZE` articles of the stream as a corpus (written once), the next `ARRIVALS` as articles arriving one by one. */
function writeCorpus(): { folder: string; arrivalFolder: string; arrivals: string[] } {
  const { inputs } = syntheticStream(SIZE + ARRIVALS);
  const generate = createGenerator(42);
  const folder = join(WORK, `story-articles-${SIZE}`);
  if (!existsSync(join(folder, '.complete'))) {
    rmSync(folder, { recursive: true, force: true });
    console.log(`writing ${SIZE} articles in ${folder}`);
    for (let i = 0; i < SIZE; i++) {
      const dir = join(folder, String(Math.floor(i / 1000)).padStart(4, '0'));
      if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${String(i).padStart(7, '0')}.md`), seedFile(generate, i, inputs[i]!));
    }
    writeFileSync(join(folder, '.complete'), '');
  }
  const arrivalFolder = join(WORK, 'story-arrivals');
  rmSync(arrivalFolder, { recursive: true, force: true });
  mkdirSync(arrivalFolder, { recursive: true });
  const arrivals: string[] = [];
  for (let i = SIZE; i < SIZE + ARRIVALS; i++) {
    const path = `arrival-${String(i).padStart(7, '0')}.md`;
    writeFileSync(join(arrivalFolder, path), seedFile(generate, i, inputs[i]!));
    arrivals.push(path);
  }
  return { folder, arrivalFolder, arrivals };
}

async function load(path: string, seconds: number) {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${PORT}${path}`, connections: 10, duration: seconds }, (error: unknown, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
  });
  return { rps: Math.round(result.requests.average), bytes: Math.round(result.throughput.average / Math.max(1, result.requests.average)) };
}

const { folder, arrivalFolder, arrivals } = writeCorpus();
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

for (const engine of values.databases!.split(',') as Engine[]) {
  const url = values.reuse
    ? engine === 'sqlite'
      ? `file:${join(WORK, 'newsdesk_bench_stories.db')}`
      : Object.assign(new URL(values.postgres!), { pathname: '/newsdesk_bench_stories' }).toString()
    : await freshDatabase(engine, 'newsdesk_bench_stories', values.postgres!);
  const sql = await openSqlConnection(url);
  try {
    if (values.reuse) {
      await sql.query(`DELETE FROM "Article" WHERE "filePath" LIKE 'arrival-%'`);
      await rebuildStories(sql);
    } else {
      const report = await importSeedFolder(sql, folder, { reader: readSeedFilesOnWorkers });
      const [{ n }] = (await sql.query<{ n: unknown }>('SELECT COUNT(DISTINCT "storyId") AS n FROM "Article"')) as [{ n: unknown }];
      say(
        `${engine}: import of ${report.created} articles ${round(report.seconds)} s, of which story assignment ${round(report.storySeconds)} s (${round((100 * report.storySeconds) / report.seconds)} %); ${Number(n)} stories`,
      );
    }

    const assign: number[] = [];
    const write: number[] = [];
    for (const path of arrivals) {
      const one = await importSeedFiles(sql, arrivalFolder, [path]);
      assign.push(one.storySeconds * 1000);
      write.push((one.seconds - one.storySeconds) * 1000);
    }
    const a = stats(assign);
    const w = stats(write);
    say(
      `${engine}: one arriving article at ${SIZE}: story assignment p50 ${a.p50} ms, p95 ${a.p95} ms; baseline, writing the article itself: p50 ${w.p50} ms, p95 ${w.p95} ms`,
    );

    const loadStarted = performance.now();
    const inputs = await loadClusterInputs(sql, '1 = 1', [], { related: 'all' });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const clusterStarted = performance.now();
    assignStories(inputs);
    const clusterSeconds = (performance.now() - clusterStarted) / 1000;
    const rebuild = await rebuildStories(sql);
    say(
      `${engine}: stories:rebuild of ${rebuild.articles} articles ${round(rebuild.seconds)} s (${rebuild.storiesChanged} moved); baseline, reading them ${round(loadSeconds)} s + clustering in memory ${round(clusterSeconds)} s`,
    );
  } finally {
    await sql.close();
  }

  if (values.http!.split(',').includes(engine)) {
    ensureBuild(url);
    const server = await startServer(url, PORT);
    try {
      const results: Record<string, { rps: number; bytes: number }> = {};
      for (const path of ['/about', '/', '/latest', '/trending']) {
        for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${PORT}${path}`);
        results[path] = await load(path, Number(values.duration));
      }
      const base = results['/about']!.rps;
      say(`${engine}: static page /about ${base} req/s (${results['/about']!.bytes} B)`);
      for (const path of ['/', '/latest', '/trending']) {
        const r = results[path]!;
        say(`${engine}: river ${path} from cache ${r.rps} req/s (${r.bytes} B) = ${round(r.rps / base, 2)}× static`);
      }
    } finally {
      await stopServer(server);
    }
  }
}
console.log(`\n${lines.join('\n')}`);
