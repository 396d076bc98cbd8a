/**
 * The importer: one pipeline whatever the entry point (the command line, the
 * watcher, an upload from the desk or the API). Files are parsed on worker
 * threads, written in batches, each article whole or not at all; every file
 * gets an outcome, rejected ones with their reasons; reader pages are
 * invalidated after each batch that changed something readers can see.
 */
import { BATCH_SIZE } from '../db/bulk/batch-size';
import { ARTICLES_TAG } from '../cache/cache-tags.mjs';
import { recordTagRevalidations } from '../cache/record-tag-revalidations';
import { findSeedFiles } from './find-seed-files';
import { readSeedFiles, type ReadOptions, type SeedFileReader } from './read-seed-files';
import { inList, type SqlConnection } from '../db/bulk/sql-connection';
import { ReferenceIds, writeArticleBatch, type ParsedSeedFile, type Rejection } from '../db/bulk/write-article-batch';
import { assignArticleStories } from '../db/bulk/assign-article-stories';
import { inChunks } from '../db/bulk/load-cluster-inputs';
import type { ClusteringOptions } from '../stories/cluster-input';
import { clusteringOptionsFromEnv } from '../stories/story-window';

/** Imports that write at least this many articles refresh the planner's statistics. */
const ANALYZE_AFTER = 1_000;
/** Up to this many paths, their stored hashes are looked up by path rather than all loaded. */
const LOOKUP_BY_PATH = 2_000;

export type FileOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';
/** One file's line of the report: its identity (path), what happened, and for a rejection why. */
export type FileReport = { path: string; outcome: FileOutcome; errors?: string[] };

export type ImportReport = {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  /** Every file in path order. */
  outcomes: FileReport[];
  /** Unknown keys, once each, with how many files carried them and the first. */
  unknownKeys: { path: string; files: number; firstFile: string }[];
  /** Whether anything readers see changed (and reader pages were invalidated). */
  changedReaderPages: boolean;
  /** Articles whose story changed when the written ones were assigned to stories. */
  storiesChanged: number;
  /** Of `seconds`, the time spent assigning stories. */
  storySeconds: number;
  seconds: number;
};

export type ImportOptions = ReadOptions & {
  /** How files are read: on this thread by default; the command line passes readSeedFilesOnWorkers. */
  reader?: SeedFileReader;
  /** Called after each batch with the number of files processed so far. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  /**
   * How reader pages are invalidated after a batch that changed what readers
   * see. Default: the shared table every app instance follows; inside the
   * app, revalidateTag, which writes the same table.
   */
  invalidateReaderPages?: (tags: string[]) => Promise<void>;
  /** Story clustering; default from NEWSDESK_STORY_WINDOW_HOURS. */
  clustering?: ClusteringOptions;
};

export async function importSeedFolder(sql: SqlConnection, root: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importSeedFiles(sql, root, await findSeedFiles(root), options);
}

/** Imports the given files, paths relative to `root` (forward slashes): each path is its article's identity. */
export async function importSeedFiles(
  sql: SqlConnection,
  root: string,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const sorted = [...new Set(paths)].sort();
  const outcomes = new Map<string, FileReport>();
  const report: ImportReport = {
    files: sorted.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    outcomes: [],
    unknownKeys: [],
    changedReaderPages: false,
    storiesChanged: 0,
    storySeconds: 0,
    seconds: 0,
  };
  const clustering = options.clustering ?? clusteringOptionsFromEnv();
  const written: string[] = [];
  const unknown = new Map<string, { files: number; firstFile: string }>();
  const ids = await ReferenceIds.load(sql);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const invalidate = options.invalidateReaderPages ?? ((tags: string[]) => recordTagRevalidations(sql, tags));
  const knownHashes = await loadKnownHashes(sql, sorted);
  let pending: ParsedSeedFile[] = [];
  let processed = 0;

  const note = (path: string, outcome: FileOutcome, errors?: string[]) => {
    outcomes.set(path, errors ? { path, outcome, errors } : { path, outcome });
    if (outcome !== 'rejected') report[outcome]++;
  };
  const reject = (rejection: Rejection) => {
    report.rejected.push(rejection);
    note(rejection.filePath, 'rejected', rejection.errors);
  };

  const flush = async () => {
    const outcome = await writeArticleBatch(sql, pending, ids);
    for (const path of outcome.created) note(path, 'created');
    for (const path of outcome.updated) note(path, 'updated');
    written.push(...outcome.created, ...outcome.updated);
    for (const path of outcome.unchanged) note(path, 'unchanged');
    outcome.rejected.forEach(reject);
    pending = [];
    if (outcome.changedReaderPages) {
      report.changedReaderPages = true;
      await invalidate([ARTICLES_TAG]);
    }
    options.onProgress?.(processed, sorted.length);
  };

  const read = options.reader ?? readSeedFiles;
  for await (const chunk of read(root, sorted, knownHashes, options)) {
    for (const result of chunk) {
      processed++;
      if (result.status === 'unchanged') {
        note(result.filePath, 'unchanged');
        continue;
      }
      if (result.status === 'rejected') {
        reject({ filePath: result.filePath, errors: result.errors });
        continue;
      }
      for (const key of result.unknownKeys) {
        const seen = unknown.get(key);
        if (seen) seen.files++;
        else unknown.set(key, { files: 1, firstFile: result.filePath });
      }
      pending.push({ rows: result.rows, contentHash: result.contentHash });
      if (pending.length >= batchSize) await flush();
    }
  }
  await flush();
  // Every written article gets its story, once per import: the same stories whatever the batching.
  const assigning = performance.now();
  const writtenIds = (
    await inChunks(sql, written, (list, chunk) =>
      sql.query<{ id: unknown }>(`SELECT "id" FROM "Article" WHERE "filePath" IN (${list})`, chunk),
    )
  ).map((row) => Number(row.id));
  const assignment = await assignArticleStories(sql, writtenIds, clustering);
  report.storiesChanged = assignment.storiesChanged;
  report.storySeconds = (performance.now() - assigning) / 1000;
  // Readers may have cached a page between a batch and its stories: invalidate once more.
  if (assignment.publishedMoved > 0 || report.changedReaderPages) {
    report.changedReaderPages = true;
    await invalidate([ARTICLES_TAG]);
  }
  // After a big import the query planner's statistics are stale: refresh them.
  if (report.created + report.updated >= ANALYZE_AFTER) await sql.analyze();

  report.rejected.sort((a, b) => a.filePath.localeCompare(b.filePath));
  report.outcomes = sorted.flatMap((path) => outcomes.get(path) ?? []);
  report.unknownKeys = [...unknown].map(([path, seen]) => ({ path, ...seen }));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The hash of the bytes each already-imported path was imported from. */
async function loadKnownHashes(sql: SqlConnection, paths: string[]): Promise<Map<string, string>> {
  const select = 'SELECT "filePath", "fileHash" FROM "Article" WHERE "filePath" IS NOT NULL AND "fileHash" IS NOT NULL';
  const rows =
    paths.length <= LOOKUP_BY_PATH
      ? paths.length === 0
        ? []
        : await sql.query<{ filePath: string; fileHash: string }>(`${select} AND "filePath" IN (${inList(sql, paths.length)})`, paths)
      : await sql.query<{ filePath: string; fileHash: string }>(select);
  return new Map(rows.map((row) => [row.filePath, row.fileHash]));
}

export function formatRejection(rejection: Rejection): string {
  return `${rejection.filePath}: ${rejection.errors.join('; ')}`;
}

export function formatSummary(report: Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'rejected'>): string {
  return `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`;
}
