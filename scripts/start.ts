/**
 * npm start: everything a fresh clone needs, then the server.
 *
 *  1. reads .env files the way Next.js does;
 *  2. makes sure there is a session secret (generated into .env.local for
 *     the embedded single-machine setup; required up front otherwise);
 *  3. creates and migrates the database, and seeds `seeds/` when it is empty;
 *  4. creates the first admin when there are no users, printing its password once;
 *  5. builds the app when the sources changed since the last build;
 *  6. serves it (PORT, default 3000) until stopped: scripts/serve-next.mjs,
 *     Next.js's handler behind a Node server that stamps each request with
 *     its socket address (the client address sign-in rate limits trust).
 */
import nextEnv from '@next/env';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSessionSecret } from '../lib/auth/ensure-session-secret';
import { configuredAdminPassword, ensureFirstAdmin } from '../lib/auth/ensure-first-admin';
import { trustedProxyHops } from '../lib/auth/client-address';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { prepareDatabase } from '../lib/db/prepare-database';
import { buildIsCurrent, recordBuild } from '../lib/build/build-fingerprint';
import { countArticles } from '../lib/db/bulk/count-articles';
import { runSeedImport } from '../lib/import/run-seed-import';
import { describeCliError } from '../lib/cli/describe-cli-error';
import { assertDatabaseReachable } from '../lib/db/assert-database-reachable';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

function fail(message: string): never {
  console.error(`\nnewsdesk: ${message}\n`);
  process.exit(1);
}

let url: string;
try {
  url = resolveDatabaseUrl();
  // A bad value stops the start with one line, not every sign-in later.
  trustedProxyHops();
  configuredAdminPassword();
  ensureSessionSecret(url);
  await assertDatabaseReachable(url);
  console.log(`newsdesk: database ${url.startsWith('file:') ? url.slice('file:'.length) : new URL(url).host}`);
  prepareDatabase(url, { quiet: true });
  if ((await countArticles(url)) === 0) {
    console.log(`newsdesk: empty database, importing ${process.env.SEED_FOLDER ?? 'seeds'}/`);
    await runSeedImport(resolve(process.env.SEED_FOLDER ?? 'seeds'));
  }
  await ensureFirstAdmin(url);
} catch (error) {
  fail(describeCliError(error));
}

if (!buildIsCurrent()) {
  console.log('newsdesk: building (sources changed since the last build)');
  const build = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build'], { stdio: 'inherit' });
  if (build.status !== 0) fail('next build failed');
  recordBuild();
}

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve-next.mjs', import.meta.url))], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, PORT: port, NODE_ENV: 'production' },
});
// The server runs in its own process: pass signals on so both stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
