/**
 * Reads seed files on worker threads (parsing YAML is the import's largest
 * CPU cost) and hands results back in file order, a chunk at a time, so the
 * database writer overlaps with parsing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BATCH_SIZE } from '../db/bulk/batch-size';
import { readSeedFile, type SeedFileResult } from './read-seed-file';
import type { SeedWorkerData, SeedWorkerResponse } from './seed-file-worker';

const CHUNK = 250;
/** Below this many files, worker start-up costs more than it saves. */
const WORKER_THRESHOLD = 400;

export type ReadOptions = { workers?: number };

/**
 * `knownHashes` maps each already-imported path to the hash of the bytes it
 * was imported from; files whose bytes still match come back unparsed.
 */
export async function* readSeedFiles(
  root: string,
  paths: string[],
  knownHashes: Map<string, string>,
  options: ReadOptions = {},
): AsyncGenerator<SeedFileResult[]> {
  const workerCount = options.workers ?? Number(process.env.NEWSDESK_IMPORT_WORKERS ?? Math.max(1, Math.min(4, availableParallelism())));
  if (paths.length < WORKER_THRESHOLD || workerCount === 0) {
    for (let start = 0; start < paths.length; start += CHUNK) {
      const chunk = paths.slice(start, start + CHUNK);
      yield chunk.map((path) => readSeedFile(root, path, knownHashes.get(path)));
    }
    return;
  }
  yield* readWithWorkers(root, paths, knownHashes, workerCount);
}

async function* readWithWorkers(
  root: string,
  paths: string[],
  knownHashes: Map<string, string>,
  workerCount: number,
): AsyncGenerator<SeedFileResult[]> {
  const chunks: string[][] = [];
  for (let start = 0; start < paths.length; start += CHUNK) chunks.push(paths.slice(start, start + CHUNK));

  const entry = new URL('./seed-file-worker.ts', import.meta.url).href;
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(new URL('./typescript-worker.mjs', import.meta.url), {
        workerData: { root, knownHashes, entry } satisfies SeedWorkerData & { entry: string },
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      }),
  );
  const inFlight = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const waiting = new Map<number, { resolve: (results: SeedFileResult[]) => void; reject: (error: Error) => void }>();
  const results = new Map<number, Promise<SeedFileResult[]>>();
  // Bounded read-ahead: parsed chunks wait in memory only this far ahead of
  // the writer, but far enough for the next transaction to fill while one commits.
  const readAhead = Math.max(workerCount * 3, Math.ceil((2 * BATCH_SIZE) / CHUNK));
  let nextToSend = 0;
  let consumed = 0;

  const topUp = () => {
    while (nextToSend < chunks.length && nextToSend - consumed < readAhead) {
      const worker = workers.reduce((idlest, candidate) =>
        (inFlight.get(candidate) ?? 0) < (inFlight.get(idlest) ?? 0) ? candidate : idlest,
      );
      const id = nextToSend++;
      results.set(id, new Promise((resolve, reject) => waiting.set(id, { resolve, reject })));
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
      worker.postMessage({ id, paths: chunks[id] });
    }
  };

  for (const worker of workers) {
    worker.on('message', ({ id, results: chunkResults }: SeedWorkerResponse) => {
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      waiting.get(id)?.resolve(chunkResults);
      waiting.delete(id);
      topUp();
    });
    worker.on('error', (error) => {
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
    });
  }

  try {
    topUp();
    while (consumed < chunks.length) {
      const chunk = results.get(consumed);
      if (!chunk) throw new Error(`seed reader lost chunk ${consumed}`);
      const value = await chunk;
      results.delete(consumed);
      consumed++;
      topUp();
      yield value;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
