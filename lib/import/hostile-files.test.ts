import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyDocument, minimalDocument, seedDocument } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { exportArticles } from '../export/export-articles';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { formatRejection, formatSummary, importSeedFolder } from './import-seed-folder';
import { readSeedFilesOnWorkers } from './read-seed-files-on-workers';

let sql: SqlConnection;
const out = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-'));
beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await sql.close();
  rmSync(out, { recursive: true, force: true });
});

/** "Billion laughs" in an unknown key: 10 aliases per level, 9 levels deep = 10⁹ strings if expanded. */
function aliasBomb(): string {
  const lines = ['lol0: &a0 "lol"'];
  for (let level = 1; level <= 9; level++) {
    lines.push(`lol${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
  }
  return `---\ntitle: Bomb\npublishedDateTime: 2021-01-01\nwebUrl: https://bomb.example.com/\nprovider: {name: Bomb, domain: bomb.example.com}\nlaughs:\n${lines.map((line) => `  ${line}`).join('\n')}\n---\n`;
}

describe('hostile and broken files', () => {
  it('rejects alias bombs, alias cycles and alias floods without expanding them, and imports the rest', async () => {
    const manyAliases = `---\ntitle: Flood\npublishedDateTime: 2021-01-01\nwebUrl: https://flood.example.com/\nprovider: {name: F, domain: flood.example.com}\nx: &x 1\ny: [${Array.from({ length: 1001 }, () => '*x').join(', ')}]\n---\n`;
    const cycle = `---\ntitle: Cycle\npublishedDateTime: 2021-01-01\nwebUrl: https://cycle.example.com/\nprovider: {name: C, domain: cycle.example.com}\nloop: &loop\n  again: *loop\n---\n`;
    const root = folderWith({
      'hostile/bomb.md': aliasBomb(),
      'hostile/cycle.md': cycle,
      'hostile/flood.md': manyAliases,
      'fine.md': legacyDocument,
    });
    const report = await importSeedFolder(sql, root);
    expect(report.rejected.map(formatRejection)).toEqual([
      'hostile/bomb.md: (document): YAML aliases would expand the document to more than 200,000 values (an alias bomb); refused without expanding it',
      'hostile/cycle.md: (document): a YAML alias refers to a value that contains it (a cycle)',
      'hostile/flood.md: (document): more than 1000 YAML aliases (an alias bomb?); refused without expanding them',
    ]);
    expect(formatSummary(report)).toBe('created 1, updated 0, unchanged 0, rejected 3');
  });

  it('keeps a few honest aliases: they expand to ordinary values', () => {
    const shared = `---\ntitle: Shared\npublishedDateTime: 2021-01-01\nwebUrl: https://shared.example.com/\nprovider: &p {name: Shared, domain: shared.example.com}\nrelated:\n  - {title: One, webUrl: "https://a.example.com/", provider: *p}\n  - {title: Two, webUrl: "https://b.example.com/", provider: *p}\n---\n`;
    const outcome = parseArticleFile(shared);
    expect(outcome.ok && outcome.value.record.related?.map((link) => link.provider?.domain)).toEqual([
      'shared.example.com',
      'shared.example.com',
    ]);
  });

  it('rejects a file over the size limit unread, with its size, from the option or the environment', async () => {
    const root = folderWith({ 'big/seed.txt': seedDocument, 'small.md': minimalDocument });
    const report = await importSeedFolder(sql, root, { maxFileBytes: 4096 });
    expect(report.rejected.map(formatRejection)).toEqual([
      `big/seed.txt: (file): ${(Buffer.byteLength(seedDocument) / 1024).toFixed(1)} KB is over the 4 KB limit for a seed file; not read (raise it with --max-file-size or NEWSDESK_IMPORT_MAX_FILE_SIZE)`,
    ]);
    process.env.NEWSDESK_IMPORT_MAX_FILE_SIZE = '1KB';
    try {
      const again = await importSeedFolder(sql, root);
      expect(again.rejected.map((rejection) => rejection.filePath)).toEqual(['big/seed.txt']);
      expect(again.rejected[0]!.errors[0]).toMatch(/over the 1 KB limit/);
    } finally {
      delete process.env.NEWSDESK_IMPORT_MAX_FILE_SIZE;
    }
  });

  it('survives a file that exhausts a worker’s memory: only that file is rejected, the run goes on', async () => {
    // 1.9 MB of YAML whose parse tree needs far more than the worker's 32 MB heap.
    const hog = `---\ntitle: Hog\npublishedDateTime: 2021-01-01\nwebUrl: https://hog.example.com/\nprovider: {name: H, domain: hog.example.com}\njunk: [${'1,'.repeat(950_000)}1]\n---\n`;
    const files: Record<string, string> = { 'memory/hog.md': hog };
    for (let i = 0; i < 30; i++)
      files[`memory/ok-${String(i).padStart(2, '0')}.md`] = legacyDocument.replace('An older record', `Record ${i}`);
    const root = folderWith(files);
    const report = await importSeedFolder(sql, root, { reader: readSeedFilesOnWorkers, workers: 1, workerMemoryMb: 32 });
    expect(report.rejected.map(formatRejection)).toEqual([
      'memory/hog.md: (file): parsing it ran out of memory (32 MB per import worker, NEWSDESK_IMPORT_WORKER_MEMORY_MB); refused',
    ]);
    expect(report.created).toBe(30);
  }, 60_000);

  it('keeps __proto__, constructor and prototype keys at every level through import and export, touching no prototype', async () => {
    const document = `---
title: Keys that name prototypes
publishedDateTime: 2021-01-01T00:00:00Z
webUrl: https://proto.example.com/
__proto__: {polluted: top}
constructor: builder
prototype: [1, 2]
provider:
  name: Proto
  domain: proto.example.com
  __proto__: {polluted: provider}
images:
  - url: https://proto.example.com/a.png
    __proto__: {polluted: image}
related:
  - title: Related
    webUrl: https://other.example.com/
    __proto__: {polluted: related}
    constructor: {prototype: {polluted: nested}}
extra:
  nested:
    __proto__: {polluted: nested}
    prototype: x
---
`;
    const root = folderWith({ 'proto/keys.md': document });
    const report = await importSeedFolder(sql, root);
    expect(formatSummary(report)).toBe('created 1, updated 0, unchanged 0, rejected 0');
    await exportArticles(sql, out);
    const exported = readFileSync(join(out, 'proto/keys.md'), 'utf8');
    const [original, roundTripped] = [parseArticleFile(document), parseArticleFile(exported)];
    if (!original.ok || !roundTripped.ok) throw new Error('both parse');
    for (const record of [original.value.record, roundTripped.value.record] as Record<string, unknown>[]) {
      expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toEqual({ polluted: 'top' });
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      const provider = record.provider as object;
      expect(Object.getOwnPropertyDescriptor(provider, '__proto__')?.value).toEqual({ polluted: 'provider' });
      const [image] = record.images as object[];
      expect(Object.getOwnPropertyDescriptor(image, '__proto__')?.value).toEqual({ polluted: 'image' });
      const [link] = record.related as Record<string, unknown>[];
      expect(Object.getOwnPropertyDescriptor(link, '__proto__')?.value).toEqual({ polluted: 'related' });
      expect(link!.constructor).toEqual({ prototype: { polluted: 'nested' } });
      expect(Object.getOwnPropertyDescriptor((record.extra as { nested: object }).nested, '__proto__')?.value).toEqual({
        polluted: 'nested',
      });
    }
    expect(roundTripped.value.record).toEqual(original.value.record);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(original.value.unknownKeys).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype', 'provider.__proto__']));
    expect(formatSummary(await importSeedFolder(sql, out))).toMatch(/^created 0, updated 0, unchanged \d+, rejected 0$/);
  });
});
