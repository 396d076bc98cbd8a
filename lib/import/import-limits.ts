/**
 * The importer's limits, each with a default, an environment variable and
 * (for the command line) a flag. Sizes are written as people write them:
 * `2MB`, `512 KB`, `1.5 GB` or a number of bytes.
 */
const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Bytes from `2MB`, `512 KB` or `2097152`; null when the text is not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = UNITS[match[2]!.toUpperCase().replace(/^([KMG])$/, '$1B')];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : null;
}

/** `3.2 MB`, `512 KB`, `900 bytes`: sizes in messages and on the page. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < 1024 ** 2 ? ['KB', 1024] : bytes < 1024 ** 3 ? ['MB', 1024 ** 2] : ['GB', 1024 ** 3];
  const value = bytes / (size as number);
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${unit}`;
}

function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const bytes = parseByteSize(raw);
  if (bytes === null) throw new Error(`${name} must be a size such as 2MB or 2097152 (got "${raw}")`);
  return bytes;
}

function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const count = Number(raw);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`${name} must be a whole number above 0 (got "${raw}")`);
  return count;
}

/** A seed file over this size is rejected unread (its size in the message). */
export function maxSeedFileBytes(): number {
  return sizeFromEnv('NEWSDESK_IMPORT_MAX_FILE_SIZE', 2 * 1024 ** 2);
}

/** The heap each import worker thread may use before it is stopped (its chunk is then retried file by file). */
export function importWorkerMemoryMb(): number {
  return countFromEnv('NEWSDESK_IMPORT_WORKER_MEMORY_MB', 512);
}

export type UploadLimits = {
  /** The request body: an archive, or all files of a form together. */
  maxUploadBytes: number;
  /** Files (archive entries) in one upload. */
  maxFiles: number;
  /** All files of an upload together, once extracted (zip and gzip bombs stop here). */
  maxExpandedBytes: number;
  /** One seed file. */
  maxFileBytes: number;
};

export function uploadLimits(): UploadLimits {
  return {
    maxUploadBytes: sizeFromEnv('NEWSDESK_UPLOAD_MAX_SIZE', 200 * 1024 ** 2),
    maxFiles: countFromEnv('NEWSDESK_UPLOAD_MAX_FILES', 20_000),
    maxExpandedBytes: sizeFromEnv('NEWSDESK_UPLOAD_MAX_EXPANDED_SIZE', 1024 ** 3),
    maxFileBytes: maxSeedFileBytes(),
  };
}
