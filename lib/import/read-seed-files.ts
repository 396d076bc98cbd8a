/**
 * Reads seed files a chunk at a time on this thread, in file order, handing
 * each chunk to the writer and letting other work (a server's requests) run
 * in between. The command line reads on worker threads instead
 * (read-seed-files-on-workers.ts); the app server never loads that module,
 * whose worker entry its bundler could not follow.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { maxSeedFileBytes } from './import-limits';
import { readSeedFile, type SeedFileResult } from './read-seed-file';

export const CHUNK = 250;

export type ReadOptions = {
  /** Worker threads, where the reader has them; 0 parses on this thread. Default: up to 4, and none for fewer than 400 files. */
  workers?: number;
  /** A file over this size is rejected unread (default 2 MB, NEWSDESK_IMPORT_MAX_FILE_SIZE). */
  maxFileBytes?: number;
  /** Each worker's heap ceiling (default 512 MB, NEWSDESK_IMPORT_WORKER_MEMORY_MB). */
  workerMemoryMb?: number;
};

/**
 * Yields the results of reading `paths` under `root`, in order, a chunk at a
 * time. `knownHashes` maps each already-imported path to the hash of the
 * bytes it was imported from; files whose bytes still match come back unparsed.
 */
export type SeedFileReader = (
  root: string,
  paths: string[],
  knownHashes: Map<string, string>,
  options?: ReadOptions,
) => AsyncGenerator<SeedFileResult[]>;

export const readSeedFiles: SeedFileReader = async function* (root, paths, knownHashes, options = {}) {
  const maxFileBytes = options.maxFileBytes ?? maxSeedFileBytes();
  for (let start = 0; start < paths.length; start += CHUNK) {
    const chunk = paths.slice(start, start + CHUNK);
    yield chunk.map((path) => readSeedFile(root, path, knownHashes.get(path), { maxFileBytes }));
    await yieldToEventLoop();
  }
};
