import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, toArticleRows, type ArticleRows } from '../front-matter/article-rows';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { formatBytes } from './import-limits';

export type SeedFileResult =
  /** The file's bytes are those last imported: nothing to parse. */
  | { status: 'unchanged'; filePath: string }
  | {
      status: 'parsed';
      filePath: string;
      rows: ArticleRows;
      unknownKeys: string[];
      /** Only for files already imported under another hash: is it a real edit? */
      contentHash: string | null;
    }
  | { status: 'rejected'; filePath: string; errors: string[] };

export function hashFileBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

export type ReadFileOptions = { maxFileBytes: number };

export function tooLargeMessage(size: number, maxFileBytes: number): string {
  return `(file): ${formatBytes(size)} is over the ${formatBytes(maxFileBytes)} limit for a seed file; not read (raise it with --max-file-size or NEWSDESK_IMPORT_MAX_FILE_SIZE)`;
}

/**
 * The file's bytes, or why not: its size is checked on the open file before
 * a byte is read, so an oversized file costs nothing. Symbolic links are not
 * followed (the folder walk skips them too).
 */
function readLimited(path: string, maxFileBytes: number): Buffer | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    return `(file): cannot be read: ${(error as Error).message}`;
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxFileBytes) return tooLargeMessage(size, maxFileBytes);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const count = readSync(fd, bytes, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } catch (error) {
    return `(file): cannot be read: ${(error as Error).message}`;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads, parses, validates and maps one seed file; never throws for bad
 * content. `knownHash` is the hash of the bytes last imported from this path.
 * Synchronous on purpose: it runs on worker threads, where a plain read costs
 * ~10 µs against ~190 µs of promise-based file handle calls.
 */
export function readSeedFile(root: string, filePath: string, knownHash: string | undefined, options: ReadFileOptions): SeedFileResult {
  const bytes = readLimited(join(root, filePath), options.maxFileBytes);
  if (typeof bytes === 'string') return { status: 'rejected', filePath, errors: [bytes] };
  const hash = hashFileBytes(bytes);
  if (hash === knownHash) return { status: 'unchanged', filePath };
  const parsed = parseArticleFile(bytes.toString('utf8'));
  if (!parsed.ok) return { status: 'rejected', filePath, errors: parsed.errors };
  const { record, body, unknownKeys } = parsed.value;
  return {
    status: 'parsed',
    filePath,
    rows: toArticleRows(record, body, filePath, hash),
    unknownKeys,
    contentHash: knownHash === undefined ? null : contentHash(record, body),
  };
}
