/**
 * npm run db:migrate
 *
 * Creates the database named by DATABASE_URL when it is missing (SQLite) and
 * applies pending migrations. `npm run build` runs it first: `next build`
 * renders the reader pages once, and they query the database.
 */
import nextEnv from '@next/env';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { prepareDatabase } from '../lib/db/prepare-database';

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
try {
  prepareDatabase(resolveDatabaseUrl());
} catch (error) {
  console.error(`newsdesk: ${(error as Error).message}`);
  process.exitCode = 1;
}
