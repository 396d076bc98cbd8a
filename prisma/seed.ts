/**
 * `npx prisma db seed`: imports `seeds/` (or SEED_FOLDER) into the database
 * named by DATABASE_URL. Idempotent: a second run reports nothing created or
 * updated, and editors' changes to `published` and `quality` are kept.
 */
import { resolve } from 'node:path';
import { runCommand } from '../lib/cli/describe-cli-error';
import { runSeedImport } from '../lib/import/run-seed-import';

await runCommand('seed', () => runSeedImport(resolve(process.env.SEED_FOLDER ?? 'seeds')));
