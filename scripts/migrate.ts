/**
 * npm run db:migrate
 *
 * Creates the database named by DATABASE_URL when it is missing (SQLite) and
 * applies pending migrations. `npm run build` runs it first: `next build`
 * renders the reader pages once, and they query the database.
 */
import nextEnv from '@next/env';
import { runCommand } from '../lib/cli/describe-cli-error';
import { assertDatabaseReachable } from '../lib/db/assert-database-reachable';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { prepareDatabase } from '../lib/db/prepare-database';

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
await runCommand('newsdesk', async () => {
  const url = resolveDatabaseUrl();
  await assertDatabaseReachable(url);
  prepareDatabase(url);
});
