import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, minimalDocument, seedDocument, SEED_FILE_NAME } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { findSeedFiles } from '../import/find-seed-files';
import { formatSummary, importSeedFolder } from '../import/import-seed-folder';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { exportArticles, exportPathFor } from './export-articles';

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

  it('never writes outside the export folder', () => {
    expect(() => exportPathFor('/out', '../escape.md', 1)).toThrow(/outside the export folder/);
    expect(exportPathFor('/out', null, 7)).toBe('/out/articles/7.md');
  });
});
