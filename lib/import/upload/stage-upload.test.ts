import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyDocument, minimalDocument, seedDocument } from '../../../test/fixtures/article-files';
import { multipart, tarGz, zip } from '../../../test/fixtures/archives';
import { BodyRefusal } from '../../http/read-json-body';
import type { UploadLimits } from '../import-limits';
import { stageUpload, StagedUpload } from './stage-upload';

const limits: UploadLimits = { maxUploadBytes: 5 * 1024 ** 2, maxFiles: 100, maxExpandedBytes: 10 * 1024 ** 2, maxFileBytes: 16 * 1024 };

type UploadBody = Buffer | string | ReadableStream;

function request(body: UploadBody, contentType: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/desk/imports', {
    method: 'POST',
    body: (Buffer.isBuffer(body) ? new Uint8Array(body) : body) as BodyInit,
    headers: { 'content-type': contentType, ...headers },
    duplex: 'half',
  } as RequestInit);
}

async function staged(body: UploadBody, contentType: string, options: { strip?: number; limits?: UploadLimits } = {}) {
  const result = await stageUpload(request(body, contentType), { limits: options.limits ?? limits, strip: options.strip });
  if (!(result instanceof StagedUpload)) throw new Error(`refused: ${result.message}`);
  return result;
}

const files = (upload: StagedUpload) => readdirSync(upload.folder, { recursive: true }).map(String).sort();

describe('stageUpload', () => {
  it('extracts a .tar.gz safely: checked paths only, no links, each refusal with its reason', async () => {
    const body = await tarGz([
      { name: './world/a.md', text: legacyDocument },
      { name: 'world/b.txt', text: minimalDocument },
      { name: '../escape.md', text: minimalDocument },
      { name: '/etc/absolute.md', text: minimalDocument },
      { name: 'world/link.md', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'world/.hidden.md', text: minimalDocument },
      { name: 'world/notes.rst', text: 'not a seed file' },
      { name: 'world/', type: 'directory' },
      { name: 'world/big.txt', text: seedDocument.repeat(4) },
      { name: 'world/a.md', text: minimalDocument },
    ]);
    const upload = await staged(body, 'application/gzip');
    try {
      expect(upload.paths).toEqual(['world/a.md', 'world/b.txt']);
      expect(upload.rejected).toEqual([
        { filePath: '"../escape.md"', errors: ['(file): its path leaves the uploaded folder (..); not extracted'] },
        { filePath: '"/etc/absolute.md"', errors: ['(file): its path is absolute; not extracted'] },
        {
          filePath: 'world/big.txt',
          errors: [expect.stringMatching(/^\(file\): [\d.]+ KB is over the 16 KB limit for a seed file; not read/)],
        },
        { filePath: 'world/a.md', errors: ['(file): appears more than once in the upload; only its first copy is imported'] },
      ]);
      expect(upload.skipped).toBe(4);
      expect(files(upload)).toEqual(['world', 'world/a.md', 'world/b.txt']);
      expect(readFileSync(join(upload.folder, 'world/a.md'), 'utf8')).toBe(legacyDocument);
      expect(existsSync(join(upload.folder, '..', 'escape.md'))).toBe(false);
      expect(upload.what).toMatch(/^\.tar\.gz upload \([\d.]+ KB, 6 seed files\)$/);
    } finally {
      await upload.discard();
    }
    expect(existsSync(upload.folder)).toBe(false);
  });

  it('strips leading folders when asked, like tar --strip-components', async () => {
    const upload = await staged(await tarGz([{ name: 'seeds/world/a.md', text: legacyDocument }]), 'application/gzip', { strip: 1 });
    expect(upload.paths).toEqual(['world/a.md']);
    await upload.discard();
  });

  it('extracts a .zip, skipping links and refusing oversized entries by their declared size', async () => {
    const body = zip([
      { name: 'world/a.md', text: legacyDocument },
      { name: 'world/link.md', symlinkTo: '/etc/passwd' },
      { name: 'world/big.md', text: seedDocument.repeat(4) },
    ]);
    const upload = await staged(body, 'application/zip');
    try {
      expect(upload.paths).toEqual(['world/a.md']);
      expect(upload.rejected.map((rejection) => rejection.filePath)).toEqual(['world/big.md']);
      expect(files(upload)).toEqual(['world', 'world/a.md']);
    } finally {
      await upload.discard();
    }
  });

  it('refuses a .zip whose entry leaves the folder, keeping nothing', async () => {
    const result = await stageUpload(request(zip([{ name: '../../escape.md', text: legacyDocument }]), 'application/zip'), { limits });
    expect(result).toBeInstanceOf(BodyRefusal);
    expect(result).toMatchObject({ status: 400, message: expect.stringMatching(/^the body is not a valid \.zip: invalid relative path/) });
    expect(readdirSync(tmpdir()).some((name) => name === 'escape.md')).toBe(false);
  });

  it('takes multipart files under the names the form gives them, paths included', async () => {
    const form = multipart([
      { name: 'world/a.md', text: legacyDocument },
      { name: 'b.md', text: minimalDocument },
      { name: '../c.md', text: minimalDocument },
    ]);
    const upload = await staged(form.body, form.contentType);
    try {
      expect(upload.paths).toEqual(['b.md', 'world/a.md']);
      expect(upload.rejected.map((rejection) => rejection.filePath)).toEqual(['"../c.md"']);
      expect(upload.what).toMatch(/^3 seed files \([\d.]+ (bytes|KB)\)$/);
    } finally {
      await upload.discard();
    }
  });

  it('refuses by Content-Length before reading a byte, and by counting when there is none', async () => {
    const untouchable = new ReadableStream({
      pull() {
        throw new Error('the body must not be read');
      },
    });
    const declared = await stageUpload(request(untouchable, 'application/gzip', { 'content-length': String(limits.maxUploadBytes + 1) }), {
      limits,
    });
    expect(declared).toMatchObject({ status: 413, message: 'the upload must be at most 5 MB (NEWSDESK_UPLOAD_MAX_SIZE)' });
    const streamed = await stageUpload(request(Buffer.alloc(limits.maxUploadBytes + 1), 'application/zip'), { limits });
    expect(streamed).toMatchObject({ status: 413, message: 'the upload must be at most 5 MB (NEWSDESK_UPLOAD_MAX_SIZE)' });
  });

  it('stops a gzip bomb at the expanded-size cap, and an archive of too many files at the file cap', async () => {
    // 40 MB of zeros in a few tens of kilobytes; the cap is 10 MB.
    const bomb = await tarGz(Array.from({ length: 40 }, (_, i) => ({ name: `zeros-${i}.bin`, text: '\0'.repeat(1024 ** 2) })));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await stageUpload(request(bomb, 'application/gzip'), { limits })).toMatchObject({
      status: 413,
      message: 'the upload expands to more than 10 MB of files (NEWSDESK_UPLOAD_MAX_EXPANDED_SIZE)',
    });
    const many = await tarGz(Array.from({ length: 101 }, (_, i) => ({ name: `many/${i}.md`, text: 'x' })));
    expect(await stageUpload(request(many, 'application/gzip'), { limits })).toMatchObject({
      status: 413,
      message: 'the upload holds more than 100 files (NEWSDESK_UPLOAD_MAX_FILES)',
    });
  });

  it('imports nothing of an upload that does not arrive complete', async () => {
    const whole = await tarGz([{ name: 'a.md', text: legacyDocument }]);
    const cut = new ReadableStream({
      start(controller) {
        controller.enqueue(whole.subarray(0, 40));
        controller.error(new Error('aborted'));
      },
    });
    expect(await stageUpload(request(cut, 'application/gzip'), { limits })).toMatchObject({
      status: 400,
      message: 'the upload did not arrive complete (the connection closed early); nothing was imported',
    });
  });

  it('says what it accepts when the type is something else', async () => {
    expect(await stageUpload(request('{}', 'application/json'), { limits })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^send a \.tar\.gz/),
    });
    expect(await stageUpload(request('not gzip', 'application/gzip'), { limits })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^the body is not a valid \.tar\.gz: /),
    });
  });
});
