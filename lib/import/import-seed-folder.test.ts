import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, minimalDocument, seedDocument, withField } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { testDatabaseEngine } from '../../test/test-database';
import { formatRejection, formatSummary, importSeedFolder } from './import-seed-folder';
import { asDate, openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';

let sql: SqlConnection;
beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(() => sql.close());

async function count(table: string, where = '1=1', params: unknown[] = []): Promise<number> {
  const [row] = await sql.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`, params as never[]);
  return Number(row?.n);
}

async function article(filePath: string) {
  const [row] = await sql.query<Record<string, unknown>>(`SELECT * FROM "Article" WHERE "filePath" = ${sql.placeholder(1)}`, [filePath]);
  return row;
}

describe('importSeedFolder', () => {
  it('imports the seed record and is idempotent', async () => {
    const root = folderWith({ '000_5d57f64ee99b599b.txt': seedDocument });
    const first = await importSeedFolder(sql, root);
    expect(formatSummary(first)).toBe('created 1, updated 0, unchanged 0, rejected 0');
    const second = await importSeedFolder(sql, root);
    expect(formatSummary(second)).toBe('created 0, updated 0, unchanged 1, rejected 0');

    const seeded = await article('000_5d57f64ee99b599b.txt');
    expect(seeded).toMatchObject({ title: 'ACLU, civil rights groups urge Biden to halt use of facial recognition technology' });
    expect(Boolean(Number(seeded?.published) || seeded?.published === true)).toBe(true);
    const id = Number(seeded?.id);
    expect(await count('RelatedLink', `"articleId" = ${sql.placeholder(1)}`, [id])).toBe(8);
    expect(await count('ArticleTopic', `"articleId" = ${sql.placeholder(1)}`, [id])).toBe(2);
    expect(await count('Source', `"domain" = ${sql.placeholder(1)}`, ['thehill.com'])).toBe(1);
  });

  it('rejects bad files one line each, imports every valid one, and writes nothing of the rejected', async () => {
    const root = folderWith({
      'good/one.md': legacyDocument,
      'good/two.markdown': minimalDocument,
      'bad/broken-yaml.md': '---\ntitle: "unterminated\n---\n',
      'bad/no-title.md': withField(legacyDocument, 'title: An older record\n', ''),
      'bad/quality.md': withField(seedDocument, 'quality: 134', 'quality: lots'),
      'bad/date.txt': withField(legacyDocument, '2019-03-04T05:06:07Z', 'yesterday'),
      'bad/javascript.md': withField(legacyDocument, 'https://legacy.example.com/story', 'javascript:alert(document.cookie)'),
      'bad/nested-type.md': withField(seedDocument, '    quality: 59', '    quality: [59]'),
      'notes/readme.rst': 'not a seed file',
      '.hidden/skip.md': legacyDocument,
    });
    const report = await importSeedFolder(sql, root);
    expect(report.files).toBe(8);
    expect(formatSummary(report)).toBe('created 2, updated 0, unchanged 0, rejected 6');
    const lines = report.rejected.map(formatRejection);
    expect(lines).toEqual([
      expect.stringMatching(/^bad\/broken-yaml\.md: \(document\): invalid YAML at line \d+/),
      'bad/date.txt: publishedDateTime: must be an ISO-8601 date-time (got "yesterday")',
      'bad/javascript.md: webUrl: must be an http(s) URL (got "javascript:alert(document.cookie)")',
      'bad/nested-type.md: related[0].quality: must be a whole number (got a list)',
      'bad/no-title.md: title: is required',
      'bad/quality.md: quality: must be a whole number (got "lots")',
    ]);
    expect(await count('Article', `"filePath" LIKE 'bad/%'`)).toBe(0);
    expect(await count('Article', `"filePath" LIKE 'good/%'`)).toBe(2);
  });

  it('lets editors win: re-seeding never reverts their published flag or quality', async () => {
    const root = folderWith({ 'editors/story.md': seedDocument });
    await importSeedFolder(sql, root);
    const { id } = (await article('editors/story.md'))!;
    await sql.query(
      `UPDATE "Article" SET "published" = ${sql.placeholder(1)}, "publishedEditedAt" = ${sql.placeholder(2)}, "quality" = 7, "qualityRank" = 7, "qualityEditedAt" = ${sql.placeholder(3)} WHERE "id" = ${sql.placeholder(4)}`,
      [false, new Date(), new Date(), Number(id)],
    );
    const edited = withField(
      withField(seedDocument, 'quality: 134', 'quality: 200'),
      'title: "ACLU, civil rights groups urge Biden to halt use of facial recognition technology"',
      'title: "Corrected headline"',
    );
    writeFileSync(join(root, 'editors/story.md'), edited);
    expect(formatSummary(await importSeedFolder(sql, root))).toBe('created 0, updated 1, unchanged 0, rejected 0');
    const after = (await article('editors/story.md'))!;
    expect(after.title).toBe('Corrected headline');
    expect(Number(after.quality)).toBe(7);
    expect(Boolean(Number(after.published))).toBe(false);
    expect(Number(after.fileQuality)).toBe(200);
    expect(await count('RelatedLink', `"articleId" = ${sql.placeholder(1)}`, [Number(id)])).toBe(8);
  });

  it('follows the file for fields no editor touched', async () => {
    const root = folderWith({ 'follow/story.md': withField(seedDocument, 'published: true', 'published: false') });
    await importSeedFolder(sql, root);
    expect(Boolean(Number((await article('follow/story.md'))?.published))).toBe(false);
    writeFileSync(join(root, 'follow/story.md'), seedDocument);
    await importSeedFolder(sql, root);
    expect(Boolean(Number((await article('follow/story.md'))?.published))).toBe(true);
  });

  it('treats a reformatted file with the same content as unchanged', async () => {
    const root = folderWith({ 'format/story.md': everyFieldDocument });
    await importSeedFolder(sql, root);
    const reformatted = readFileSync(join(root, 'format/story.md'), 'utf8').replace('tags: [one, two]', 'tags:\n  - one\n  - two');
    writeFileSync(join(root, 'format/story.md'), reformatted);
    expect(formatSummary(await importSeedFolder(sql, root))).toBe('created 0, updated 0, unchanged 1, rejected 0');
  });

  it('reports each unknown key once, with how many files carried it', async () => {
    const root = folderWith({ 'unknown/a.md': everyFieldDocument, 'unknown/b.md': everyFieldDocument });
    const report = await importSeedFolder(sql, root);
    expect(report.unknownKeys).toContainEqual({ path: 'related[].sponsored', files: 2, firstFile: 'unknown/a.md' });
    expect(report.unknownKeys.filter((key) => key.path === 'tags')).toHaveLength(1);
  });

  it.runIf(testDatabaseEngine() === 'sqlite')('rejects an article the database refuses without half-writing it or its batch', async () => {
    await sql.query(
      `CREATE TRIGGER "refuse_poison" BEFORE INSERT ON "RelatedLink" WHEN NEW."title" = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned related link'); END`,
    );
    try {
      const root = folderWith({
        'poison/a.md': legacyDocument,
        'poison/b.md': withField(
          seedDocument,
          '  - title: "Civil rights groups want Biden to halt government use of facial recognition"',
          '  - title: poison',
        ),
        'poison/c.md': minimalDocument,
      });
      const report = await importSeedFolder(sql, root);
      expect(formatSummary(report)).toBe('created 2, updated 0, unchanged 0, rejected 1');
      expect(report.rejected[0]).toEqual({ filePath: 'poison/b.md', errors: [expect.stringContaining('poisoned related link')] });
      expect(await count('Article', `"filePath" = 'poison/b.md'`)).toBe(0);
    } finally {
      await sql.query('DROP TRIGGER "refuse_poison"');
    }
  });

  it('reports every file’s outcome by path, in path order', async () => {
    const root = folderWith({ 'outcomes/b.md': legacyDocument, 'outcomes/a.md': minimalDocument, 'outcomes/c.md': '---\ntitle: x\n---\n' });
    await importSeedFolder(sql, root);
    writeFileSync(join(root, 'outcomes/a.md'), minimalDocument.replace('title: Minimal', 'title: Minimal, corrected'));
    const report = await importSeedFolder(sql, root);
    expect(report.outcomes).toEqual([
      { path: 'outcomes/a.md', outcome: 'updated' },
      { path: 'outcomes/b.md', outcome: 'unchanged' },
      { path: 'outcomes/c.md', outcome: 'rejected', errors: ['publishedDateTime: is required', 'provider: is required'] },
    ]);
  });

  it('invalidates reader pages on every instance when readers can see the change, and only then', async () => {
    const revalidatedAt = async () => {
      const [row] = await sql.query<{ revalidatedAt: unknown }>(
        `SELECT "revalidatedAt" FROM "CacheTagRevalidation" WHERE "tag" = 'articles'`,
      );
      return row ? asDate(row.revalidatedAt)!.getTime() : null;
    };
    const draft = withField(seedDocument, 'published: true', 'published: false');
    const root = folderWith({ 'cache/story.md': draft });
    const before = await revalidatedAt();
    expect((await importSeedFolder(sql, root)).changedReaderPages).toBe(false);
    writeFileSync(join(root, 'cache/story.md'), withField(draft, 'heat: 214', 'heat: 215'));
    expect((await importSeedFolder(sql, root)).changedReaderPages).toBe(false);
    expect(await revalidatedAt()).toBe(before);

    writeFileSync(join(root, 'cache/story.md'), seedDocument);
    expect((await importSeedFolder(sql, root)).changedReaderPages).toBe(true);
    const published = await revalidatedAt();
    expect(published).not.toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Taken down by its file: readers must stop seeing it.
    writeFileSync(join(root, 'cache/story.md'), draft);
    expect((await importSeedFolder(sql, root)).changedReaderPages).toBe(true);
    expect(await revalidatedAt()).toBeGreaterThan(published!);
  });
});
