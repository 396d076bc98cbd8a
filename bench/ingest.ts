/**
 * npm run bench:ingest -- [--size 100000] [--upload 10000] [--probes 100] [--port 3210]   (--size 0 skips step 1)
 *
 * The ingest figures of docs/performance.md, each beside its baseline from
 * the same run (SQLite, this machine):
 *  1. the command-line import of `--size` synthetic files into a fresh
 *     database, next to a raw-driver insert of the same rows;
 *  2. a `.tar.gz` of `--upload` files posted to POST /api/desk/imports on a
 *     running server (wall time: upload, extraction, import, report), next
 *     to the same files imported from disk by the same pipeline in process;
 *  3. the watcher's latency, file written → story on the river (/latest),
 *     p50/p95 over `--probes` files written one at a time, next to the same
 *     measurement with the file imported directly (no watcher: what the
 *     pipeline, the cache invalidation and the page render cost by themselves).
 * Results print as tables and are saved to bench/.work/ingest-<time>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { generateArticles } from './generate-articles';
import { corpus, ensureBuild, freshDatabase, measureSeeding, round, startServer, stats, stopServer, WORK } from './bench-support';
import { hashApiToken, newApiToken } from '../lib/data/tokens/api-token-hash';
import { openSqlConnection, type SqlConnection } from '../lib/db/bulk/sql-connection';
import { findSeedFiles } from '../lib/import/find-seed-files';
import { importSeedFiles, importSeedFolder } from '../lib/import/import-seed-folder';
import { serialiseArticleFile } from '../lib/front-matter/serialise-article-file';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    upload: { type: 'string', default: '10000' },
    probes: { type: 'string', default: '100' },
    port: { type: 'string', default: '3210' },
  },
});
const SIZE = Number(values.size);
const UPLOAD = Number(values.upload);
const PROBES = Number(values.probes);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function tarGzOf(folder: string, prefix: string): Promise<Buffer> {
  const pack = tar.pack();
  const done = buffer(Readable.from(pack as unknown as AsyncIterable<Buffer>));
  for (const path of await findSeedFiles(folder)) pack.entry({ name: `${prefix}/${path}` }, readFileSync(join(folder, path)));
  pack.finalize();
  return gzipSync(await done);
}

async function importerToken(sql: SqlConnection): Promise<string> {
  const token = newApiToken();
  const now = new Date();
  const p = (n: number) => sql.placeholder(n);
  await sql.query(
    `INSERT INTO "User" ("id", "email", "role", "createdAt", "updatedAt") VALUES ('bench-importer', 'importer@bench.test', 'IMPORTER', ${p(1)}, ${p(2)})`,
    [now, now],
  );
  await sql.query(
    `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix", "createdAt") VALUES ('bench-token', 'bench-importer', 'bench', ${p(1)}, ${p(2)}, ${p(3)})`,
    [hashApiToken(token), token.slice(0, 10), now],
  );
  return token;
}

/** A new published story dated after every other (a day ahead of the clock), so it leads /latest once readers can see it. */
function probe(index: number, label: string): { title: string; text: string } {
  const title = `Latency probe ${label} ${index} ${Date.now().toString(36)}`;
  const record = {
    title,
    publishedDateTime: new Date(Date.now() + 86_400_000).toISOString(),
    webUrl: `https://probe.example.com/${label}/${index}`,
    quality: 1,
    heat: 1,
    published: true,
    provider: { name: 'Probe', domain: 'probe.example.com' },
  };
  return { title, text: serialiseArticleFile(record as never) };
}

/** Milliseconds from `written` until /latest shows the title. */
async function untilOnRiver(title: string, written: number): Promise<number> {
  for (;;) {
    const html = await (await fetch(`${BASE}/latest`)).text();
    if (html.includes(title)) return performance.now() - written;
    if (performance.now() - written > 30_000) throw new Error(`${title} never reached the river`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function watchLatency(url: string, folder: string): Promise<number[]> {
  const watcher = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import.ts', '--watch', folder], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  watcher.stdout.on('data', (chunk) => (output += chunk));
  while (!output.includes('watching')) await new Promise((resolve) => setTimeout(resolve, 50));
  const samples: number[] = [];
  try {
    for (let i = 0; i < PROBES; i++) {
      const { title, text } = probe(i, 'watch');
      writeFileSync(join(folder, `probe-${i}.md`), text);
      samples.push(await untilOnRiver(title, performance.now()));
    }
  } finally {
    watcher.kill('SIGTERM');
    await new Promise((resolve) => watcher.on('exit', resolve));
  }
  return samples;
}

async function directLatency(sql: SqlConnection, folder: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const { title, text } = probe(i, 'direct');
    const path = `direct-${i}.md`;
    writeFileSync(join(folder, path), text);
    const written = performance.now();
    await importSeedFiles(sql, folder, [path]);
    samples.push(await untilOnRiver(title, written));
  }
  return samples;
}

mkdirSync(WORK, { recursive: true });
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), node: process.version };
console.log('machine', machine);
const results: Record<string, unknown> = { machine, startedAt: new Date().toISOString() };

if (SIZE > 0) {
  console.log(`\n== 1. command-line import of ${SIZE} files (SQLite), beside a raw insert`);
  const seeding = await measureSeeding('sqlite', SIZE, await corpus(SIZE), '');
  console.log(seeding);
  results.seeding = seeding;
}

console.log(`\n== 2. POST /api/desk/imports with a .tar.gz of ${UPLOAD} files, beside the same files imported in process`);
const uploadFolder = join(WORK, `upload-${UPLOAD}`);
rmSync(uploadFolder, { recursive: true, force: true });
await generateArticles(uploadFolder, UPLOAD, 7);
const archive = await tarGzOf(uploadFolder, 'upload');
const baselineUrl = await freshDatabase('sqlite', 'newsdesk_bench_upload_baseline', '');
const baselineSql = await openSqlConnection(baselineUrl);
const baseline = await importSeedFolder(baselineSql, uploadFolder);
await baselineSql.close();
const url = await freshDatabase('sqlite', 'newsdesk_bench_ingest', '');
ensureBuild(url);
const server = await startServer(url, PORT);
try {
  const sql = await openSqlConnection(url);
  const token = await importerToken(sql);
  const started = performance.now();
  const response = await fetch(`${BASE}/api/desk/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/gzip' },
    body: new Uint8Array(archive),
  });
  const uploadSeconds = (performance.now() - started) / 1000;
  const report = (await response.json()) as { created: number; rejected: number };
  if (response.status !== 200 || report.created !== UPLOAD)
    throw new Error(`upload answered ${response.status}: ${JSON.stringify(report).slice(0, 300)}`);
  results.upload = {
    files: UPLOAD,
    archiveMb: round(archive.length / 2 ** 20),
    apiSeconds: round(uploadSeconds, 2),
    inProcessSeconds: round(baseline.seconds, 2),
    ratio: round(uploadSeconds / baseline.seconds, 2),
  };
  console.table(results.upload);

  console.log(`\n== 3. file written → on the river, ${PROBES} files one at a time: the watcher, beside a direct import`);
  const watchFolder = join(WORK, 'watch-probes');
  const directFolder = join(WORK, 'direct-probes');
  for (const folder of [watchFolder, directFolder]) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  }
  const watch = stats(await watchLatency(url, watchFolder));
  console.log('watcher', watch);
  const direct = stats(await directLatency(sql, directFolder));
  await sql.close();
  results.latencyMs = { watcher: watch, directImport: direct };
  console.table(results.latencyMs);
} finally {
  await stopServer(server);
}

const file = join(WORK, `ingest-${new Date().toISOString().replaceAll(':', '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nresults saved to ${file}`);
process.exit(0);
