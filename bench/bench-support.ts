/**
 * What the benchmarks share: corpora generated once into bench/.work, fresh
 * databases, the seeding measurement (import next to a raw-driver insert),
 * a built app served on loopback, and p50/p95 summaries.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { generateArticles } from './generate-articles';
import { buildIsCurrent, recordBuild } from '../lib/build/build-fingerprint';
import { createSqliteDatabaseIfMissing, prepareDatabase } from '../lib/db/prepare-database';
import { findSeedFiles } from '../lib/import/find-seed-files';
import { readSeedFile } from '../lib/import/read-seed-file';
import { maxSeedFileBytes } from '../lib/import/import-limits';
import { importSeedFolder } from '../lib/import/import-seed-folder';
import { readSeedFilesOnWorkers } from '../lib/import/read-seed-files-on-workers';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { RAW_SLICE, RawBulkInserter } from './raw-bulk-insert';

/** Generated corpora and benchmark databases: bench/.work, or NEWSDESK_BENCH_WORK. */
export const WORK = resolve(process.env.NEWSDESK_BENCH_WORK ?? 'bench/.work');
export type Engine = 'sqlite' | 'postgresql';
export type Stats = { p50: number; p95: number; mean: number };
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 2) };
}

export async function corpus(size: number): Promise<string> {
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

export async function freshDatabase(database: Engine, name: string, postgresServer: string): Promise<string> {
  if (database === 'sqlite') {
    const file = join(WORK, `${name}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    createSqliteDatabaseIfMissing(`file:${file}`);
    prepareDatabase(`file:${file}`, { quiet: true });
    return `file:${file}`;
  }
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = Object.assign(new URL(postgresServer), { pathname: `/${name}` }).toString();
  prepareDatabase(url, { quiet: true });
  return url;
}

/** The command line's import of a corpus into a fresh database, next to a raw-driver insert of the same rows. */
export async function measureSeeding(database: Engine, size: number, folder: string, postgresServer: string) {
  const url = await freshDatabase(database, `newsdesk_bench_${size}`, postgresServer);
  const sql = await openSqlConnection(url);
  const report = await importSeedFolder(sql, folder, { reader: readSeedFilesOnWorkers });
  await sql.close();
  if (report.rejected.length) throw new Error(`benchmark corpus had rejected files: ${report.rejected[0]?.errors}`);

  // The physical limit: the same rows, parsed beforehand (untimed, a slice at
  // a time so a million articles fit in memory), inserted straight through the driver.
  const paths = await findSeedFiles(folder);
  const rawUrl = await freshDatabase(database, `newsdesk_bench_raw_${size}`, postgresServer);
  const raw = await openSqlConnection(rawUrl);
  const inserter = new RawBulkInserter(raw);
  let rawMs = 0;
  let rawRows = 0;
  for (let start = 0; start < paths.length; start += RAW_SLICE) {
    const slice = paths.slice(start, start + RAW_SLICE).flatMap((path) => {
      const result = readSeedFile(folder, path, undefined, { maxFileBytes: maxSeedFileBytes() });
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
export function ensureBuild(url: string) {
  if (buildIsCurrent()) return;
  console.log('building the app');
  const result = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error('next build failed');
  recordBuild();
}

/** `next start` on loopback, in its own process group (stopServer ends the group). */
export async function startServer(url: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: 'bench-secret-not-for-production',
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        ...env,
      },
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 240; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (response?.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not start');
}

export async function stopServer(server: ChildProcess) {
  process.kill(-server.pid!, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Runs `work` once to warm up, then `runs` times, and summarises the times in milliseconds. */
export async function timed(runs: number, work: () => Promise<unknown>): Promise<Stats> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** Points the app's data layer at another database (its Prisma client is created on first use). */
export async function resetAppConnection() {
  const shared = globalThis as { __newsdeskConnection?: { db: { $disconnect(): Promise<void> } } };
  await shared.__newsdeskConnection?.db.$disconnect();
  shared.__newsdeskConnection = undefined;
}
