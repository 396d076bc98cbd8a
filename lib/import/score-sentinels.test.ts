import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../test/sessions';
import { producerRecords } from '../../test/fixtures/producer-records';
import { folderWith } from '../../test/temp-folder';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { listDeskArticles } from '../data/desk/list-desk-articles';
import { listStories } from '../data/reader/list-stories';
import { exportArticles } from '../export/export-articles';
import { parseArticleFile } from '../front-matter/parse-article-file';
import { ZDeskQuery } from '../schemas/desk';
import { formatSummary, importSeedFolder } from './import-seed-folder';

let sql: SqlConnection;
const out = mkdtempSync(join(tmpdir(), 'newsdesk-sentinels-'));
beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await sql.close();
  rmSync(out, { recursive: true, force: true });
});

function record(text: string) {
  const outcome = parseArticleFile(text);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.value;
}

const titleOf = (path: keyof typeof producerRecords) => record(producerRecords[path]).record.title;
/** Published, so on the river; `bare.md` is a draft (no flag) and `other-negatives.md` unpublished. */
const ZERO_SCORES = titleOf('wild/zero-scores.md');

describe('records with score sentinels and absent optional fields', () => {
  it('import, export exactly (negatives written back), and re-import as unchanged', async () => {
    const source = folderWith(producerRecords);
    const first = await importSeedFolder(sql, source);
    expect(first.rejected).toEqual([]);
    expect(formatSummary(first)).toBe('created 5, updated 0, unchanged 0, rejected 0');

    await exportArticles(sql, out);
    for (const [path, text] of Object.entries(producerRecords)) {
      const exported = readFileSync(join(out, path), 'utf8');
      expect(record(exported), path).toEqual(record(text));
    }
    const exportedHeat = readFileSync(join(out, 'wild/heat-sentinel.md'), 'utf8');
    expect(exportedHeat).toMatch(/^heat: -1$/m);
    expect(exportedHeat).toMatch(/^ {4}quality: -1$/m);
    expect(readFileSync(join(out, 'wild/other-negatives.md'), 'utf8')).toMatch(/^quality: -100$/m);
    expect(readFileSync(join(out, 'wild/both-sentinels.md'), 'utf8')).toMatch(/^ampWebUrl: ""$/m);

    const again = await importSeedFolder(sql, out);
    expect(formatSummary(again)).toBe('created 0, updated 0, unchanged 5, rejected 0');
  });

  it('rank sentinels like absent scores: after every real score, on the river and in the desk', async () => {
    const top = (await listStories('top')).stories.map((story) => story.title);
    const trending = (await listStories('trending')).stories.map((story) => story.title);
    // The heat sentinel story has a real quality; in Top it ranks by it.
    expect(top.indexOf(titleOf('wild/heat-sentinel.md'))).toBeLessThan(top.indexOf(titleOf('wild/zero-scores.md')));
    expect(top.indexOf(titleOf('wild/both-sentinels.md'))).toBeGreaterThan(top.indexOf(ZERO_SCORES));
    // Zero heat is real heat: it trends above both sentinels, though older.
    for (const path of ['wild/heat-sentinel.md', 'wild/both-sentinels.md'] as const) {
      expect(trending.indexOf(titleOf(path)), path).toBeGreaterThan(trending.indexOf(ZERO_SCORES));
      expect(trending.indexOf(ZERO_SCORES)).toBeGreaterThanOrEqual(0);
    }

    const desk = async (sort: 'quality' | 'heat', dir: 'asc' | 'desc') =>
      (await listDeskArticles(ZDeskQuery.parse({ sort, dir }))).rows.map((row) => [row.title, sort === 'quality' ? row.quality : row.heat]);
    for (const sort of ['quality', 'heat'] as const) {
      const descending = await desk(sort, 'desc');
      const firstUnscored = descending.findIndex(([, score]) => score === null || (score as number) < 0);
      expect(
        descending.slice(firstUnscored).every(([, score]) => score === null || (score as number) < 0),
        sort,
      ).toBe(true);
      const ascending = await desk(sort, 'asc');
      const lastUnscored = ascending.findLastIndex(([, score]) => score === null || (score as number) < 0);
      expect(
        ascending.slice(0, lastUnscored + 1).every(([, score]) => score === null || (score as number) < 0),
        sort,
      ).toBe(true);
      expect(lastUnscored, sort).toBeGreaterThan(0);
    }
  });

  it('show a sentinel to readers as no score, keeping the value for export', async () => {
    const stories = (await listStories('latest')).stories;
    const heatSentinel = stories.find((story) => story.title === titleOf('wild/heat-sentinel.md'))!;
    expect([heatSentinel.quality, heatSentinel.heat]).toEqual([90, null]);
    const [row] = await sql.query<{ heat: number; heatRank: number; qualityRank: number }>(
      `SELECT "heat", "heatRank", "qualityRank" FROM "Article" WHERE "filePath" = 'wild/both-sentinels.md'`,
    );
    expect([Number(row!.heat), Number(row!.heatRank), Number(row!.qualityRank)]).toEqual([-1, -1, -1]);
  });

  it('refuse scores outside what both engines store, naming the field', () => {
    const huge = producerRecords['wild/bare.md'].replace('title:', 'heat: 3000000000\ntitle:');
    const outcome = parseArticleFile(huge);
    expect(outcome).toEqual({ ok: false, errors: ['heat: must be at most 2147483647'] });
  });
});
