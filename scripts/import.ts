/**
 * npm run import -- [folder]                     (default: seeds/)
 * npm run import -- --watch [folder]             keep importing new and changed files until stopped
 * npm run import -- --watch --poll 5 [folder]    the same, rescanning every 5 s instead of listening for
 *                                                change events (network mounts that send none)
 * npm run import -- --max-file-size 5MB [folder] (default 2MB, or NEWSDESK_IMPORT_MAX_FILE_SIZE)
 *
 * Imports seed files into the database named by DATABASE_URL. Each rejected
 * file gets one line naming it, the field and the reason; every valid file is
 * still imported; the exit code is 1 when anything was rejected. With
 * --watch, SIGTERM or Ctrl-C finish the batch in hand and exit 0.
 * (package.json runs it with a 64 MB young generation: a big import makes
 * many short-lived objects, and fewer collections measured 22 s → 18.6 s at 100k.)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand, UsageError } from '../lib/cli/describe-cli-error';
import { parseByteSize } from '../lib/import/import-limits';
import { runSeedImport } from '../lib/import/run-seed-import';

await runCommand('import', async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        quiet: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        poll: { type: 'string' },
        'max-file-size': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}; usage: npm run import -- [--watch [--poll <seconds>]] [--max-file-size 2MB] [--quiet] [folder]`,
    );
  }
  const { positionals, values } = parsed;
  const maxFileBytes = values['max-file-size'] === undefined ? undefined : parseByteSize(values['max-file-size']);
  if (maxFileBytes === null)
    throw new UsageError(`--max-file-size must be a size such as 2MB or 2097152 (got "${values['max-file-size']}")`);
  const pollSeconds = values.poll === undefined ? undefined : Number(values.poll);
  if (pollSeconds !== undefined && !(pollSeconds > 0))
    throw new UsageError(`--poll must be a number of seconds above 0 (got "${values.poll}")`);
  const folder = resolve(positionals[0] ?? 'seeds');
  if (!values.watch) return runSeedImport(folder, { quiet: values.quiet, maxFileBytes });
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
  return runSeedImport(folder, { maxFileBytes, watch: { signal: stop.signal, pollSeconds } });
});
