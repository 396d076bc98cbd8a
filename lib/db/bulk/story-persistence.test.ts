/**
 * Stories in the database: the import pipeline assigns them as it writes,
 * the result is the pure clustering's whatever the order and batching of
 * imports, and a rebuild finds the same stories. On SQLite, and on
 * PostgreSQL with TEST_DATABASE=postgresql.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroomClusterInputs } from '../../../test/fixtures/newsroom/corpus';
import { writeNewsroomSeeds } from '../../../test/fixtures/newsroom/write-newsroom-seeds';
import { importSeedFiles } from '../../import/import-seed-folder';
import { clusterArticles } from '../../stories/cluster-articles';
import { listStoryClusters } from './list-story-clusters';
import { rebuildStories } from './rebuild-stories';
import { openSqlConnection, type SqlConnection } from './sql-connection';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
const paths = writeNewsroomSeeds(folder);
const expected = clusterArticles(newsroomClusterInputs());
let sql: SqlConnection;

beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await sql.close();
  rmSync(folder, { recursive: true, force: true });
});

async function emptyDatabase() {
  for (const table of ['ArticleIdentityUrl', 'ArticleImage', 'ArticleTopic', 'RelatedLink', 'Article', 'Story']) {
    await sql.query(`DELETE FROM "${table}"`);
  }
}

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function count(query: string): Promise<number> {
  const [row] = await sql.query<{ n: unknown }>(query);
  return Number(row?.n);
}

describe('stories in the database', () => {
  it('assigns every imported article to exactly one story, as the pure clustering does', async () => {
    await emptyDatabase();
    const report = await importSeedFiles(sql, folder, paths);
    expect(report.rejected).toEqual([]);
    expect(expected.some((cluster) => cluster.length > 1)).toBe(true);
    expect(await listStoryClusters(sql)).toEqual(expected);
    expect(await count('SELECT COUNT(*) AS n FROM "Article" WHERE "storyId" IS NULL')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM "Story"')).toBe(expected.length);
    // Re-importing the same files changes nothing.
    const again = await importSeedFiles(sql, folder, paths);
    expect(again.storiesChanged).toBe(0);
    expect(await listStoryClusters(sql)).toEqual(expected);
  });

  it.each([1, 2, 3])('gives the same stories when files arrive in shuffled batches (seed %i)', async (seed) => {
    await emptyDatabase();
    const order = shuffled(paths, seed);
    // Batches of 1 to 40 files, imported one after the other, each assigned as it lands.
    for (let start = 0, size = 1; start < order.length; start += size, size = (size * 7 + seed) % 40 || 1) {
      const report = await importSeedFiles(sql, folder, order.slice(start, start + size), { batchSize: 7 });
      expect(report.rejected).toEqual([]);
    }
    expect(await listStoryClusters(sql)).toEqual(expected);
  });

  it('rebuilds to the same stories, keeping every story id, and removes stories left empty', async () => {
    const before = await sql.query<{ id: unknown; storyId: unknown }>('SELECT "id", "storyId" FROM "Article" ORDER BY "id"');
    await sql.query(
      `INSERT INTO "Story" ("key", "createdAt", "updatedAt") VALUES ('gone.md', ${sql.placeholder(1)}, ${sql.placeholder(2)})`,
      [new Date(), new Date()],
    );
    const report = await rebuildStories(sql);
    expect(report.articles).toBe(paths.length);
    expect(report.stories).toBe(expected.length);
    expect(report.storiesChanged).toBe(0);
    expect(report.removed).toBe(1);
    expect(await listStoryClusters(sql)).toEqual(expected);
    expect(await sql.query('SELECT "id", "storyId" FROM "Article" ORDER BY "id"')).toEqual(before);
  });
});
