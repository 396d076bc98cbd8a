/**
 * Receives an upload into a private temporary folder, ready for the one
 * import pipeline: a `.tar.gz` or `.zip` body sent as is, or multipart form
 * data with one or more seed files. Limits hold before anything is buffered:
 * Content-Length first, then a byte cap on the stream; archives are
 * extracted entry by entry with caps on the number of files and on their
 * total size once expanded (gzip and zip bombs stop there), no links are
 * ever created, and each path is checked before it is written (see
 * uploaded-path.ts). A zip is streamed to a file first (its directory is at
 * its end); nothing is held in memory whole.
 *
 * An upload that does not arrive complete (the client went away) is refused
 * and nothing of it is imported.
 */
import Busboy from 'busboy';
import { constants, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Transform, type Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import yauzl from 'yauzl';
import type { Rejection } from '../../db/bulk/write-article-batch';
import { BodyRefusal } from '../../http/read-json-body';
import { formatBytes, type UploadLimits } from '../import-limits';
import { tooLargeMessage } from '../read-seed-file';
import { uploadedPath } from './uploaded-path';

export type UploadKind = 'tar.gz' | 'zip' | 'multipart';

/** Files received and checked, in a temporary folder that `discard` removes. */
export class StagedUpload {
  constructor(
    readonly folder: string,
    /** Seed files to import, relative to `folder`: their identities. */
    readonly paths: string[],
    /** Entries refused before import (a path outside the folder, too large, a duplicate). */
    readonly rejected: Rejection[],
    /** What was sent, for the record: "seeds.tar.gz (3.1 MB, 412 files)". */
    readonly what: string,
    /** Entries that are not seed files (other extensions, hidden files, folders, links). */
    readonly skipped: number,
  ) {}

  async discard() {
    await rm(this.folder, { recursive: true, force: true });
  }
}

/** Why an upload is refused as a whole: over a limit, or not what it claims to be. */
class UploadRefusal extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export function uploadKindOf(contentType: string | null): UploadKind | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (
    ['application/gzip', 'application/x-gzip', 'application/x-tar+gzip', 'application/x-compressed-tar', 'application/tar+gzip'].includes(
      type,
    )
  ) {
    return 'tar.gz';
  }
  if (['application/zip', 'application/x-zip-compressed'].includes(type)) return 'zip';
  if (type === 'multipart/form-data') return 'multipart';
  return null;
}

/** Counts the request's bytes as they stream and stops the stream past the limit. */
function byteCap(limit: number, counted: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      counted.bytes += chunk.length;
      if (counted.bytes > limit)
        callback(new UploadRefusal(413, `the upload must be at most ${formatBytes(limit)} (NEWSDESK_UPLOAD_MAX_SIZE)`));
      else callback(null, chunk);
    },
  });
}

/** Writes checked entries into the folder, enforcing every per-entry and total limit. */
class Stager {
  readonly paths: string[] = [];
  readonly rejected: Rejection[] = [];
  skipped = 0;
  private entries = 0;
  private expanded = 0;
  private readonly seen = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(
    readonly folder: string,
    private readonly limits: UploadLimits,
    private readonly strip: number,
  ) {}

  private count(bytes: number) {
    this.expanded += bytes;
    if (this.expanded > this.limits.maxExpandedBytes) {
      throw new UploadRefusal(
        413,
        `the upload expands to more than ${formatBytes(this.limits.maxExpandedBytes)} of files (NEWSDESK_UPLOAD_MAX_EXPANDED_SIZE)`,
      );
    }
  }

  /** Reads an entry's data through to its end without keeping it, still counting it against the totals. */
  private async drain(data: AsyncIterable<unknown>): Promise<number> {
    let bytes = 0;
    for await (const chunk of data) {
      bytes += (chunk as Buffer).length;
      this.count((chunk as Buffer).length);
    }
    return bytes;
  }

  /** Skips an entry that is not a file (a folder, a link): it is never created. */
  async skip(data: AsyncIterable<unknown>) {
    this.skipped++;
    this.countEntry();
    await this.drain(data);
  }

  private countEntry() {
    this.entries++;
    if (this.entries > this.limits.maxFiles) {
      throw new UploadRefusal(413, `the upload holds more than ${this.limits.maxFiles} files (NEWSDESK_UPLOAD_MAX_FILES)`);
    }
  }

  /** One file of the upload; `declaredSize` when the archive states it up front. */
  async add(name: string, declaredSize: number | null, data: AsyncIterable<unknown>) {
    this.countEntry();
    const target = uploadedPath(name, this.strip);
    if (target.kind === 'skip') {
      this.skipped++;
      await this.drain(data);
      return;
    }
    if (target.kind === 'refuse') {
      this.rejected.push({ filePath: target.shown, errors: [`(file): ${target.reason}; not extracted`] });
      await this.drain(data);
      return;
    }
    const { path } = target;
    if (this.seen.has(path)) {
      this.rejected.push({ filePath: path, errors: ['(file): appears more than once in the upload; only its first copy is imported'] });
      await this.drain(data);
      return;
    }
    this.seen.add(path);
    if (declaredSize !== null && declaredSize > this.limits.maxFileBytes) {
      this.rejected.push({ filePath: path, errors: [tooLargeMessage(declaredSize, this.limits.maxFileBytes)] });
      await this.drain(data);
      return;
    }
    const size = await this.write(join(this.folder, path), data);
    if (size > this.limits.maxFileBytes) {
      this.rejected.push({ filePath: path, errors: [tooLargeMessage(size, this.limits.maxFileBytes)] });
      return;
    }
    this.paths.push(path);
  }

  /** Writes up to the per-file limit (then keeps counting, so the refusal can say the size); returns the size. */
  private async write(path: string, data: AsyncIterable<unknown>): Promise<number> {
    const folder = dirname(path);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    // The folder is private and only ever gets checked paths; O_EXCL | O_NOFOLLOW all the same.
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    let size = 0;
    try {
      for await (const chunk of data) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        this.count(bytes.length);
        if (size <= this.limits.maxFileBytes) await handle.write(bytes);
      }
    } finally {
      await handle.close();
    }
    if (size > this.limits.maxFileBytes) await rm(path, { force: true });
    return size;
  }
}

/** The request body behind its byte cap, as the first stages of a pipeline. */
type Body = [Readable, Transform];

async function extractTarGz(body: Body, stager: Stager) {
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (type === 'file' || type === 'contiguous-file') await stager.add(name, size ?? null, entry);
      else await stager.skip(entry);
    }
  })().catch((error: unknown) => {
    // Over a limit: stop reading the body at once.
    extract.destroy(error as Error);
    throw error;
  });
  await Promise.all([pipeline(...body, createGunzip(), extract), done]);
}

async function extractZip(body: Body, stager: Stager) {
  const archive = join(stager.folder, '.upload.zip');
  await pipeline(...body, createWriteStream(archive, { flags: 'wx', mode: 0o600 }));
  const zip = await yauzl.openPromise(archive, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          const isLink = mode === 0o120000;
          if (entry.fileName.endsWith('/') || isLink) {
            await stager.skip(Readable.from([]));
          } else if (entry.isEncrypted()) {
            const target = uploadedPath(entry.fileName);
            if (target.kind === 'file') stager.rejected.push({ filePath: target.path, errors: ['(file): is encrypted; not extracted'] });
            await stager.skip(Readable.from([]));
          } else {
            const stream = await zip.openReadStreamPromise(entry);
            await stager.add(entry.fileName, entry.uncompressedSize, stream);
          }
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
    await rm(archive, { force: true });
  }
}

async function extractMultipart(body: Body, contentType: string, stager: Stager) {
  const form = Busboy({ headers: { 'content-type': contentType }, preservePath: true, limits: { fields: 20, fieldSize: 10_000 } });
  const files: Promise<void>[] = [];
  let failure: unknown = null;
  form.on('file', (_field, stream, info) => {
    files.push(
      stager.add(info.filename ?? '', null, stream).catch((error: unknown) => {
        failure ??= error;
        stream.resume();
        // Over a limit: stop reading the body at once.
        (form as unknown as Writable).destroy(error as Error);
      }),
    );
  });
  try {
    await pipeline(...body, form as unknown as Writable);
  } catch (error) {
    throw failure ?? error;
  }
  await Promise.all(files);
  if (failure) throw failure;
}

/** For the record: "seeds.tar.gz (3.1 MB, 412 seed files)", or "12 seed files (48 KB)" for a form. */
function describeUpload(name: string | null, kind: UploadKind, bytes: number, stager: Stager): string {
  const files = stager.paths.length + stager.rejected.length;
  const count = `${files} seed file${files === 1 ? '' : 's'}`;
  if (kind === 'multipart') return `${count} (${formatBytes(bytes)})`;
  return `${name ?? `.${kind} upload`} (${formatBytes(bytes)}, ${count})`;
}

export type StageOptions = {
  limits: UploadLimits;
  /** Leading folders to remove from archive paths (see uploadedPath). */
  strip?: number;
  /** The uploaded file's own name, when the client says it. */
  name?: string | null;
};

/** The upload, staged; or a refusal (400/413) with nothing kept. */
export async function stageUpload(request: Request, { limits, strip = 0, name = null }: StageOptions): Promise<StagedUpload | BodyRefusal> {
  const contentType = request.headers.get('content-type');
  const kind = uploadKindOf(contentType);
  if (!kind) {
    return new BodyRefusal(
      400,
      'send a .tar.gz (Content-Type: application/gzip), a .zip (application/zip) or multipart/form-data with seed files',
    );
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limits.maxUploadBytes) {
    return new BodyRefusal(413, `the upload must be at most ${formatBytes(limits.maxUploadBytes)} (NEWSDESK_UPLOAD_MAX_SIZE)`);
  }
  if (!request.body) return new BodyRefusal(400, 'the upload is empty');
  const folder = await mkdtemp(join(tmpdir(), 'newsdesk-upload-'));
  const stager = new Stager(folder, limits, strip);
  const counted = { bytes: 0 };
  try {
    const body: Body = [
      Readable.fromWeb(request.body as import('node:stream/web').ReadableStream),
      byteCap(limits.maxUploadBytes, counted),
    ];
    if (kind === 'tar.gz') await extractTarGz(body, stager);
    else if (kind === 'zip') await extractZip(body, stager);
    else await extractMultipart(body, contentType!, stager);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof UploadRefusal) return new BodyRefusal(error.status, error.message);
    if (request.signal.aborted || /aborted|premature close|terminated|ECONNRESET/i.test((error as Error).message)) {
      return new BodyRefusal(400, 'the upload did not arrive complete (the connection closed early); nothing was imported');
    }
    const what = kind === 'multipart' ? 'multipart/form-data' : `.${kind}`;
    return new BodyRefusal(400, `the body is not a valid ${what}: ${(error as Error).message.split('\n')[0]}`);
  }
  return new StagedUpload(folder, stager.paths.sort(), stager.rejected, describeUpload(name, kind, counted.bytes, stager), stager.skipped);
}
