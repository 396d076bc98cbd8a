import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, minimalDocument, seedDocument, SEED_FILE_NAME } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { findSeedFiles } from '../import/find-seed-files';
import { formatSummary, importSeedFolder } from '../import/import-seed-folder';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { exportArticles, ExportTargetError } from './export-articles';

let sql: SqlConnection;
const outputs: string[] = [];
beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await sql.close();
  for (const folder of outputs) rmSync(folder, { recursive: true, force: true });
});

function emptyFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-export-'));
  outputs.push(folder);
  return folder;
}

function parsed(text: string) {
  const outcome = parseArticleFile(text);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.value;
}

describe('exportArticles', () => {
  const originals = {
    [SEED_FILE_NAME]: seedDocument,
    'crafted/every-field.md': everyFieldDocument,
    'crafted/legacy.markdown': legacyDocument,
    'crafted/deeper/minimal.txt': minimalDocument,
  };

  it('writes every article back, at its path, parsing to the same data', async () => {
    const source = folderWith(originals);
    await importSeedFolder(sql, source);
    const out = emptyFolder();
    const report = await exportArticles(sql, out);
    expect(report.written).toBe(4);
    expect(await findSeedFiles(out)).toEqual(Object.keys(originals).sort());
    for (const [path, text] of Object.entries(originals)) {
      const exported = parsed(readFileSync(join(out, path), 'utf8'));
      const original = parsed(text);
      expect(exported.record, path).toEqual(original.record);
      expect(exported.body, path).toEqual(original.body);
    }
  });

  it('import → export → import is the identity', async () => {
    const out = emptyFolder();
    await exportArticles(sql, out);
    // Into the same database: nothing changes.
    expect(formatSummary(await importSeedFolder(sql, out))).toBe('created 0, updated 0, unchanged 4, rejected 0');
    // And exporting again gives the same files, byte for byte.
    const again = emptyFolder();
    await exportArticles(sql, again);
    for (const path of await findSeedFiles(out)) {
      expect(readFileSync(join(again, path), 'utf8')).toBe(readFileSync(join(out, path), 'utf8'));
    }
  });

  it('carries the editors’ published and quality values', async () => {
    await sql.query(
      `UPDATE "Article" SET "published" = ${sql.placeholder(1)}, "publishedEditedAt" = ${sql.placeholder(2)}, "quality" = 99, "qualityEditedAt" = ${sql.placeholder(3)} WHERE "filePath" = 'crafted/legacy.markdown'`,
      [true, new Date(), new Date()],
    );
    const out = emptyFolder();
    await exportArticles(sql, out);
    const legacy = parsed(readFileSync(join(out, 'crafted/legacy.markdown'), 'utf8')).record;
    expect(legacy).toMatchObject({ published: true, quality: 99 });
    const minimal = parsed(readFileSync(join(out, 'crafted/deeper/minimal.txt'), 'utf8')).record;
    expect(minimal).not.toHaveProperty('published');
    expect(minimal).not.toHaveProperty('quality');
  });

  describe('never writes outside the export folder, nor through a symbolic link', () => {
    const setPath = (from: string, to: string) =>
      sql.query(`UPDATE "Article" SET "filePath" = ${sql.placeholder(1)} WHERE "filePath" = ${sql.placeholder(2)}`, [to, from]);
    const everything = (folder: string): string[] =>
      existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : [];

    it('refuses a path with `..` and an absolute path, writing every other article', async () => {
      const sandbox = emptyFolder();
      const out = join(sandbox, 'out');
      await setPath('crafted/legacy.markdown', '../escape.md');
      await setPath('crafted/deeper/minimal.txt', `${sandbox}/absolute.md`);
      try {
        const report = await exportArticles(sql, out);
        expect(report.refused).toEqual(
          [
            { path: '../escape.md', reason: 'its path "../escape.md" is outside the export folder' },
            { path: `${sandbox}/absolute.md`, reason: `its path "${sandbox}/absolute.md" is outside the export folder` },
          ].sort((a, b) => a.path.localeCompare(b.path)),
        );
        expect(report.written).toBe(2);
        expect(everything(sandbox).filter((path) => !path.startsWith('out'))).toEqual([]);
      } finally {
        await setPath('../escape.md', 'crafted/legacy.markdown');
        await setPath(`${sandbox}/absolute.md`, 'crafted/deeper/minimal.txt');
      }
    });

    it('refuses to write into a symbolically linked folder inside the target', async () => {
      const out = emptyFolder();
      const elsewhere = emptyFolder();
      symlinkSync(elsewhere, join(out, 'crafted'));
      const report = await exportArticles(sql, out);
      expect(report.refused.map((refusal) => refusal.path)).toEqual([
        'crafted/deeper/minimal.txt',
        'crafted/every-field.md',
        'crafted/legacy.markdown',
      ]);
      expect(report.refused[0]!.reason).toBe('the folder crafted is a symbolic link; nothing is written through it');
      expect(everything(elsewhere)).toEqual([]);
      expect(lstatSync(join(out, 'crafted')).isSymbolicLink()).toBe(true);
    });

    it('leaves a symbolic link at a file’s place alone, and its target untouched', async () => {
      const out = emptyFolder();
      const elsewhere = emptyFolder();
      writeFileSync(join(elsewhere, 'precious.txt'), 'do not overwrite');
      mkdirSync(join(out, 'crafted'));
      symlinkSync(join(elsewhere, 'precious.txt'), join(out, 'crafted', 'legacy.markdown'));
      const report = await exportArticles(sql, out);
      expect(report.refused).toEqual([
        { path: 'crafted/legacy.markdown', reason: 'crafted/legacy.markdown is a symbolic link; left alone' },
      ]);
      expect(readFileSync(join(elsewhere, 'precious.txt'), 'utf8')).toBe('do not overwrite');
      expect(lstatSync(join(out, 'crafted', 'legacy.markdown')).isSymbolicLink()).toBe(true);
      expect(report.written).toBe(3);
    });

    it('stops with one clear error when the target cannot be written', async () => {
      // Root ignores permission bits: there, a kernel file system refuses instead.
      const readOnly = process.getuid?.() === 0 ? '/sys/newsdesk-export-test' : join(emptyFolder(), 'locked');
      if (process.getuid?.() !== 0) {
        mkdirSync(readOnly);
        chmodSync(readOnly, 0o555);
      }
      await expect(exportArticles(sql, join(readOnly, 'out'))).rejects.toThrow(ExportTargetError);
      await expect(exportArticles(sql, join(readOnly, 'out'))).rejects.toThrow(
        /^cannot write to .*: (permission denied|it is on a read-only file system)$/,
      );
    });
  });
});
