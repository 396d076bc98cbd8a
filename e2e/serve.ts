/**
 * The server Playwright tests run against: the production build, started by
 * the same script as `npm start`, on a fresh database seeded with the e2e
 * fixtures (the real seed record, crafted edge cases and a generated batch
 * big enough to paginate). Its output also goes to .e2e/server.log, where
 * tests look for errors the server logged (e2e/fuzz.spec.ts).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { generateArticles } from '../bench/generate-articles';
import { E2E_DATABASE, E2E_POSTGRES_DATABASE, E2E_SECRET, POSTGRES_SERVER, e2eDatabaseUrl } from './e2e-database';
import { copyFixtureSeeds } from './fixtures/copy-fixture-seeds';

const url = e2eDatabaseUrl();
const seeds = `${process.cwd()}/.e2e/seeds`;

rmSync('.e2e', { recursive: true, force: true });
mkdirSync('.e2e', { recursive: true });
if (E2E_DATABASE === 'postgresql') {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${E2E_POSTGRES_DATABASE}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${E2E_POSTGRES_DATABASE}"`);
  await client.end();
}
copyFixtureSeeds(seeds);
// Older and lower-scored than the fixtures, so those lead every order.
await generateArticles(`${seeds}/generated`, 120, 2024, {
  sourceCount: 40,
  from: new Date('2019-01-01T00:00:00Z'),
  to: new Date('2020-12-31T00:00:00Z'),
  maxQuality: 120,
});

Object.assign(process.env, {
  DATABASE_URL: url,
  SEED_FOLDER: seeds,
  PORT: process.env.E2E_PORT ?? '3100',
  HOSTNAME: '127.0.0.1',
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`,
  NEWSDESK_ADMIN_EMAIL: 'first-admin@e2e.test',
});
const log = createWriteStream('.e2e/server.log');
const server = spawn(
  process.execPath,
  [createRequire(import.meta.url).resolve('tsx/cli'), '--conditions=react-server', 'scripts/start.ts'],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  },
);
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
server.stderr.on('data', (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
