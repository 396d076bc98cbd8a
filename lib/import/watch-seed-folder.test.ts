import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyDocument, minimalDocument, seedDocument, withField } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { formatSummary, type ImportReport } from './import-seed-folder';
import { watchSeedFolder } from './watch-seed-folder';

let sql: SqlConnection;
beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(() => sql.close());

async function titleOf(filePath: string): Promise<string | undefined> {
  const [row] = await sql.query<{ title: string }>(`SELECT "title" FROM "Article" WHERE "filePath" = ${sql.placeholder(1)}`, [filePath]);
  return row?.title;
}

async function until<T>(what: () => T | undefined | Promise<T | undefined>, label: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('watchSeedFolder', () => {
  it('imports what is there, then each new or changed file once fully written; reports deletions and keeps the article', async () => {
    const root = folderWith({ 'start.md': legacyDocument });
    const lines: string[] = [];
    const batches: { report: ImportReport; paths: string[] }[] = [];
    const stop = new AbortController();
    const watching = watchSeedFolder(sql, root, {
      signal: stop.signal,
      settleMs: 200,
      rescanMs: 60_000,
      log: (line) => lines.push(line),
      onBatch: (report, paths) => {
        batches.push({ report, paths });
      },
    });
    await until(() => lines.find((line) => line.includes('watching')), 'the first import');
    expect(lines[0]).toMatch(/^created 1, updated 0, unchanged 0, rejected 0 \(1 files in [\d.]+ s\); watching /);

    // Editors' temporary, swap and backup files are never imported.
    writeFileSync(join(root, '.start.md.swp'), 'swap');
    writeFileSync(join(root, 'start.md~'), legacyDocument);
    writeFileSync(join(root, '#start.md#'), legacyDocument);
    // Written in pieces, slower than a single write but faster than the settle time: imported once, whole.
    const [head, tail] = [seedDocument.slice(0, 400), seedDocument.slice(400)];
    writeFileSync(join(root, 'slow.txt'), head);
    await new Promise((resolve) => setTimeout(resolve, 80));
    appendFileSync(join(root, 'slow.txt'), tail);
    // Renamed into place, in a folder that did not exist when watching began.
    mkdirSync(join(root, 'new/deeper'), { recursive: true });
    writeFileSync(join(root, 'new/deeper/.incoming.tmp'), minimalDocument);
    renameSync(join(root, 'new/deeper/.incoming.tmp'), join(root, 'new/deeper/minimal.md'));

    // The batch is reported once written: wait for the report, not just the row.
    const reported = (path: string) => batches.some((batch) => batch.paths.includes(path));
    await until(() => reported('slow.txt') && reported('new/deeper/minimal.md'), 'both batches');
    expect(await titleOf('new/deeper/minimal.md')).toBe('Minimal');
    // The first batch is the import of what was there.
    expect(batches[0]!.paths).toEqual(['start.md']);
    const imported = batches.slice(1).flatMap((batch) => batch.report.outcomes);
    expect(imported.filter((outcome) => outcome.path === 'slow.txt')).toEqual([{ path: 'slow.txt', outcome: 'created' }]);
    expect(imported.map((outcome) => outcome.path).sort()).toEqual(['new/deeper/minimal.md', 'slow.txt']);
    expect(lines.filter((line) => / files?: created/.test(line))).not.toHaveLength(0);

    // A change follows the same rules as any import.
    const before = batches.length;
    writeFileSync(join(root, 'start.md'), withField(legacyDocument, 'title: An older record', 'title: An older record, corrected'));
    await until(() => batches.length > before, 'the change');
    expect(formatSummary(batches.at(-1)!.report)).toBe('created 0, updated 1, unchanged 0, rejected 0');
    expect(await titleOf('start.md')).toBe('An older record, corrected');

    rmSync(join(root, 'slow.txt'));
    await until(() => lines.find((line) => line.startsWith('deleted slow.txt')), 'the deletion');
    expect(await titleOf('slow.txt')).toBe('ACLU, civil rights groups urge Biden to halt use of facial recognition technology');

    stop.abort();
    await watching;
    expect(batches.flatMap((batch) => batch.paths)).not.toContain('.start.md.swp');
    expect(batches.flatMap((batch) => batch.paths).some((path) => path.endsWith('~') || path.includes('#'))).toBe(false);
  }, 30_000);

  it('finds changes by rescanning alone where the file system sends no events', async () => {
    const root = folderWith({ 'a.md': legacyDocument });
    const stop = new AbortController();
    const lines: string[] = [];
    const watching = watchSeedFolder(sql, root, {
      signal: stop.signal,
      settleMs: 100,
      rescanMs: 300,
      events: false,
      log: (line) => lines.push(line),
    });
    await until(() => lines.find((line) => line.includes('watching')), 'the first import');
    writeFileSync(join(root, 'a.md'), withField(legacyDocument, 'title: An older record', 'title: Seen by the rescan'));
    await until(async () => (await titleOf('a.md')) === 'Seen by the rescan', 'the rescan');
    stop.abort();
    await watching;
  }, 30_000);
});
