/**
 * Imports every seed file under a folder: parse on worker threads, write in
 * batches, report each rejected file on one line and a summary at the end.
 */
import { BATCH_SIZE } from '../db/bulk/batch-size';
import { findSeedFiles } from './find-seed-files';
import { readSeedFiles, type ReadOptions } from './read-seed-files';
import type { SqlConnection } from '../db/bulk/sql-connection';
import { ReferenceIds, writeArticleBatch, type ParsedSeedFile, type Rejection } from '../db/bulk/write-article-batch';

/** Imports that write at least this many articles refresh the planner's statistics. */
const ANALYZE_AFTER = 1_000;

export type ImportReport = {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  /** Unknown keys, once each, with how many files carried them and the first. */
  unknownKeys: { path: string; files: number; firstFile: string }[];
  seconds: number;
};

export type ImportOptions = ReadOptions & {
  /** Called after each batch with the number of files processed so far. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
};

export async function importSeedFolder(sql: SqlConnection, root: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const paths = await findSeedFiles(root);
  const report: ImportReport = { files: paths.length, created: 0, updated: 0, unchanged: 0, rejected: [], unknownKeys: [], seconds: 0 };
  const unknown = new Map<string, { files: number; firstFile: string }>();
  const ids = await ReferenceIds.load(sql);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const knownHashes = await loadKnownHashes(sql);
  let pending: ParsedSeedFile[] = [];
  let processed = 0;

  const flush = async () => {
    const outcome = await writeArticleBatch(sql, pending, ids);
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.unchanged += outcome.unchanged;
    report.rejected.push(...outcome.rejected);
    pending = [];
    options.onProgress?.(processed, paths.length);
  };

  for await (const chunk of readSeedFiles(root, paths, knownHashes, options)) {
    for (const result of chunk) {
      processed++;
      if (result.status === 'unchanged') {
        report.unchanged++;
        continue;
      }
      if (result.status === 'rejected') {
        report.rejected.push({ filePath: result.filePath, errors: result.errors });
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
  // After a big import the query planner's statistics are stale: refresh them.
  if (report.created + report.updated >= ANALYZE_AFTER) await sql.analyze();

  report.rejected.sort((a, b) => a.filePath.localeCompare(b.filePath));
  report.unknownKeys = [...unknown].map(([path, seen]) => ({ path, ...seen }));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

async function loadKnownHashes(sql: SqlConnection): Promise<Map<string, string>> {
  const rows = await sql.query<{ filePath: string; fileHash: string }>(
    'SELECT "filePath", "fileHash" FROM "Article" WHERE "filePath" IS NOT NULL AND "fileHash" IS NOT NULL',
  );
  return new Map(rows.map((row) => [row.filePath, row.fileHash]));
}

export function formatRejection(rejection: Rejection): string {
  return `${rejection.filePath}: ${rejection.errors.join('; ')}`;
}

export function formatSummary(report: ImportReport): string {
  return `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`;
}
