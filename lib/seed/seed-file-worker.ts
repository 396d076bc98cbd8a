/** Worker thread: turns batches of seed file paths into parsed, mapped rows. */
import { parentPort, workerData } from 'node:worker_threads';
import { readSeedFile, type SeedFileResult } from './read-seed-file';

export type SeedWorkerData = { root: string; knownHashes: Map<string, string> };
export type SeedWorkerRequest = { id: number; paths: string[] };
export type SeedWorkerResponse = { id: number; results: SeedFileResult[] };

const { root, knownHashes } = workerData as SeedWorkerData;

parentPort?.on('message', ({ id, paths }: SeedWorkerRequest) => {
  const results = paths.map((path) => readSeedFile(root, path, knownHashes.get(path)));
  parentPort?.postMessage({ id, results } satisfies SeedWorkerResponse);
});
