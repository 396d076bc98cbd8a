/** Worker thread: turns batches of seed file paths into parsed, mapped rows. */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readSeedFile, type SeedFileResult } from './read-seed-file';

export type SeedWorkerData = { root: string; knownHashes: Map<string, string>; maxFileBytes: number };
export type SeedWorkerRequest = { id: number; paths: string[] };
export type SeedWorkerResponse = { id: number; results: SeedFileResult[] };

const { root, knownHashes, maxFileBytes } = workerData as SeedWorkerData;

/**
 * Parsing yields to the database writer on the main thread, which is the
 * import's bottleneck: on Linux a thread can be given its own niceness via
 * its thread id (measured on 2 cores: ~10% faster 100k import).
 */
if (process.platform === 'linux') {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not permitted or not available: parse at normal priority.
  }
}

parentPort?.on('message', ({ id, paths }: SeedWorkerRequest) => {
  const results = paths.map((path) => readSeedFile(root, path, knownHashes.get(path), { maxFileBytes }));
  parentPort?.postMessage({ id, results } satisfies SeedWorkerResponse);
});
