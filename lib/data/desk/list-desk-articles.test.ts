import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../../bench/generate-articles';
import { folderWith } from '../../../test/temp-folder';
import { ZDeskQuery, DESK_SORTS } from '../../schemas/desk';
import { serialiseArticleFile } from '../../front-matter/serialise-article-file';
import { importSeedFolder } from '../../import/import-seed-folder';
import { openSqlConnection, type SqlConnection } from '../../db/bulk/sql-connection';
import { listDeskArticles } from './list-desk-articles';

let sql: SqlConnection;

beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
  const generate = createGenerator(5, { sourceCount: 6, from: new Date('2021-01-01'), to: new Date('2021-06-30'), maxQuality: 300 });
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`desk/${i}.md`] = serialiseArticleFile({
      ...generate(i),
      published: i % 3 !== 0,
      // Some records have no heat or quality at all; those must sort last.
      heat: i % 5 === 0 ? undefined : (i * 37) % 90,
      quality: i % 4 === 0 ? undefined : (i * 53) % 300,
    });
  }
  await importSeedFolder(sql, folderWith(files));
});
afterAll(() => sql.close());

const list = (query: Record<string, unknown>) => listDeskArticles(ZDeskQuery.parse({ pageSize: 100, ...query }));

describe('listDeskArticles sorting', () => {
  it('sorts every column both ways, with ties broken by id and absent heat and quality last when descending', async () => {
    const keys: Record<(typeof DESK_SORTS)[number], (row: Awaited<ReturnType<typeof list>>['rows'][number]) => string | number> = {
      publishedAt: (row) => new Date(row.publishedAt).getTime(),
      title: (row) => row.title,
      source: (row) => row.source.name,
      quality: (row) => row.quality ?? -1,
      heat: (row) => row.heat ?? -1,
      published: (row) => Number(row.published),
      updatedAt: (row) => new Date(row.updatedAt).getTime(),
    };
    for (const sort of DESK_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const { rows, total } = await list({ sort, dir });
        expect(rows).toHaveLength(total);
        const sign = dir === 'asc' ? 1 : -1;
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [keys[sort](rows[i - 1]!), keys[sort](rows[i]!)];
          const order = a < b ? -1 : a > b ? 1 : Math.sign(rows[i - 1]!.id - rows[i]!.id);
          expect(order * sign, `${sort} ${dir} at row ${i}`).toBe(-1);
        }
      }
    }
    const byHeat = (await list({ sort: 'heat', dir: 'desc' })).rows;
    expect(byHeat.at(-1)!.heat).toBeNull();
    expect(byHeat[0]!.heat).not.toBeNull();
  });

  it('filters by a quality range, never counting articles that have no score', async () => {
    const all = (await list({})).rows;
    for (const range of [{ qualityMax: 100 }, { qualityMin: 50, qualityMax: 200 }, { qualityMin: 0 }]) {
      const { rows, total } = await list(range);
      const min = range.qualityMin ?? 0;
      const max = range.qualityMax ?? Infinity;
      const expected = all.filter((row) => row.quality !== null && row.quality >= min && row.quality <= max);
      expect(total, JSON.stringify(range)).toBe(expected.length);
      expect(rows.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
    }
    expect(all.some((row) => row.quality === null)).toBe(true);
  });
});
