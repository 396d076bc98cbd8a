import { beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../../bench/generate-articles';
import { folderWith } from '../../../test/temp-folder';
import { openSqlConnection } from '../../db/bulk/sql-connection';
import { getDb } from '../../db/client';
import { serialiseArticleFile } from '../../front-matter/serialise-article-file';
import { importSeedFolder } from '../../import/import-seed-folder';
import { ZDeskQuery } from '../../schemas/desk';
import { streamDeskArticlesCsv } from './stream-desk-articles-csv';

beforeAll(async () => {
  const generate = createGenerator(5, { sourceCount: 3, from: new Date('2021-01-01'), to: new Date('2021-12-31'), maxQuality: 900 });
  const files: Record<string, string> = {};
  for (let i = 0; i < 23; i++) files[`a/${i}.md`] = serialiseArticleFile({ ...generate(i), published: i % 3 === 0 });
  files['formula.md'] = serialiseArticleFile({ ...generate(99), title: '=HYPERLINK("http://evil.example","click")', published: true });
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(sql, folderWith(files));
  await sql.close();
});

async function exported(query: Record<string, unknown>, batch: number): Promise<string[]> {
  let text = '';
  for await (const chunk of streamDeskArticlesCsv(ZDeskQuery.parse(query), batch)) text += chunk;
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

describe('streamDeskArticlesCsv', () => {
  it('streams every matching article exactly once, in the sort order, a batch at a time', async () => {
    const lines = await exported({ status: 'published', sort: 'quality', dir: 'desc' }, 3);
    expect(lines[0]).toBe(
      '"id","title","source","domain","publishedAt","published","quality","heat","publishAt","unpublishAt","updatedAt","url","filePath"',
    );
    const expected = await getDb().article.findMany({
      where: { published: true },
      orderBy: [{ qualityRank: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(expected.map((row) => row.id));
    expect(expected.length).toBeGreaterThan(6);
  });

  it('escapes cells a spreadsheet would run as formulas, and quotes quotes', async () => {
    const lines = await exported({ q: 'HYPERLINK' }, 1000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});
