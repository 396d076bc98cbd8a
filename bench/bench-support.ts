/** What every benchmark script shares: timing with percentiles, fresh databases, the app's connection. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createSqliteDatabaseIfMissing, prepareDatabase } from '../lib/db/prepare-database';

export type Stats = { p50: number; p95: number; mean: number };
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 2) };
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

/** An empty, migrated database: a file under `folder`, or a database on the PostgreSQL server `postgres`. */
export async function freshDatabase(engine: 'sqlite' | 'postgresql', name: string, folder: string, postgres: string): Promise<string> {
  if (engine === 'sqlite') {
    const file = join(folder, `${name}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    createSqliteDatabaseIfMissing(`file:${file}`);
    prepareDatabase(`file:${file}`, { quiet: true });
    return `file:${file}`;
  }
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = Object.assign(new URL(postgres), { pathname: `/${name}` }).toString();
  prepareDatabase(url, { quiet: true });
  return url;
}

/** Points the app's data layer at another database (its Prisma client is created on first use). */
export async function resetAppConnection() {
  const shared = globalThis as { __newsdeskConnection?: { db: { $disconnect(): Promise<void> } } };
  await shared.__newsdeskConnection?.db.$disconnect();
  shared.__newsdeskConnection = undefined;
}
