/**
 * Reads seed files on worker threads (parsing YAML is the import's largest
 * CPU cost) and hands results back in file order, a chunk at a time, so the
 * database writer overlaps with parsing. The command line's reader.
 *
 * Each worker has a heap ceiling. A worker that dies (out of memory, or any
 * crash) never takes the import down: the chunks it held are read again one
 * file at a time in a fresh worker, so only the file that kills a worker is
 * rejected, with the reason.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BATCH_SIZE } from '../db/bulk/batch-size';
import { importWorkerMemoryMb, maxSeedFileBytes } from './import-limits';
import type { SeedFileResult } from './read-seed-file';
import { CHUNK, readSeedFiles, type SeedFileReader } from './read-seed-files';
import type { SeedWorkerData, SeedWorkerRequest, SeedWorkerResponse } from './seed-file-worker';

/** Below this many files, worker start-up costs more than it saves. */
const WORKER_THRESHOLD = 400;

export const readSeedFilesOnWorkers: SeedFileReader = async function* (root, paths, knownHashes, options = {}) {
  const maxFileBytes = options.maxFileBytes ?? maxSeedFileBytes();
  const defaultWorkers = paths.length < WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(4, availableParallelism()));
  const workerCount = options.workers ?? Number(process.env.NEWSDESK_IMPORT_WORKERS ?? defaultWorkers);
  if (workerCount === 0) {
    yield* readSeedFiles(root, paths, knownHashes, options);
    return;
  }
  yield* readWithWorkers(root, paths, knownHashes, {
    workerCount,
    maxFileBytes,
    memoryMb: options.workerMemoryMb ?? importWorkerMemoryMb(),
  });
};

type PoolOptions = { workerCount: number; maxFileBytes: number; memoryMb: number };

/** One worker thread, answering requests by id; when it dies, every request it held fails with the reason. */
class SeedWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (results: SeedFileResult[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private death: Error | null = null;

  constructor(data: SeedWorkerData, memoryMb: number) {
    this.worker = new Worker(new URL('./typescript-worker.mjs', import.meta.url), {
      workerData: { ...data, entry: new URL('./seed-file-worker.ts', import.meta.url).href },
      resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: memoryMb },
    });
    this.worker.on('message', ({ id, results }: SeedWorkerResponse) => {
      this.waiting.get(id)?.resolve(results);
      this.waiting.delete(id);
    });
    this.worker.on('error', (error) => this.die(error));
    this.worker.on('exit', (code) => this.die(new Error(`the import worker stopped (exit code ${code})`)));
  }

  get pending(): number {
    return this.waiting.size;
  }

  get alive(): boolean {
    return this.death === null;
  }

  read(paths: string[]): Promise<SeedFileResult[]> {
    if (this.death) return Promise.reject(this.death);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, paths } satisfies SeedWorkerRequest);
    });
  }

  private die(error: Error) {
    this.death ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.death);
    this.waiting.clear();
  }

  async terminate() {
    this.death ??= new Error('terminated');
    await this.worker.terminate();
  }
}

function crashReason(error: Error, memoryMb: number): string {
  const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
  return outOfMemory
    ? `(file): parsing it ran out of memory (${memoryMb} MB per import worker, NEWSDESK_IMPORT_WORKER_MEMORY_MB); refused`
    : `(file): parsing it crashed the import worker (${error.message}); refused`;
}

async function* readWithWorkers(
  root: string,
  paths: string[],
  knownHashes: Map<string, string>,
  { workerCount, maxFileBytes, memoryMb }: PoolOptions,
): AsyncGenerator<SeedFileResult[]> {
  const chunks: string[][] = [];
  for (let start = 0; start < paths.length; start += CHUNK) chunks.push(paths.slice(start, start + CHUNK));
  const data: SeedWorkerData = { root, knownHashes, maxFileBytes };
  const spawned: SeedWorker[] = [];
  const spawn = (workerData: SeedWorkerData) => {
    const worker = new SeedWorker(workerData, memoryMb);
    spawned.push(worker);
    return worker;
  };
  let pool = Array.from({ length: workerCount }, () => spawn(data));

  /** After a crash: each file of the chunk on its own, in a fresh worker that is replaced whenever a file kills it. */
  const readOneByOne = async (chunk: string[]): Promise<SeedFileResult[]> => {
    const only = (path: string): SeedWorkerData => {
      const hash = knownHashes.get(path);
      return { root, maxFileBytes, knownHashes: new Map(hash === undefined ? [] : [[path, hash]]) };
    };
    const results: SeedFileResult[] = [];
    let worker: SeedWorker | null = null;
    for (const path of chunk) {
      worker ??= spawn(only(path));
      try {
        results.push(...(await worker.read([path])));
      } catch (error) {
        results.push({ status: 'rejected', filePath: path, errors: [crashReason(error as Error, memoryMb)] });
        worker = null;
      }
    }
    await worker?.terminate();
    return results;
  };

  const results = new Map<number, Promise<SeedFileResult[]>>();
  // Bounded read-ahead: parsed chunks wait in memory only this far ahead of
  // the writer, but far enough for the next transaction to fill while one commits.
  const readAhead = Math.max(workerCount * 3, Math.ceil((2 * BATCH_SIZE) / CHUNK));
  let nextToSend = 0;
  let consumed = 0;

  const topUp = () => {
    while (nextToSend < chunks.length && nextToSend - consumed < readAhead) {
      pool = pool.map((worker) => (worker.alive ? worker : spawn(data)));
      const worker = pool.reduce((idlest, candidate) => (candidate.pending < idlest.pending ? candidate : idlest));
      const chunk = chunks[nextToSend]!;
      results.set(
        nextToSend++,
        worker.read(chunk).catch(() => readOneByOne(chunk)),
      );
    }
  };

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
    await Promise.all(spawned.map((worker) => worker.terminate()));
  }
}
