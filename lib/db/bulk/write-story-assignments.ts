/**
 * Stores what clustering decided for a stretch of articles, keeping editors'
 * decisions: each article's leader key (`storyKey`), a Story row per leader
 * key, and the story each article is shown in (`storyId`: its pinned story,
 * else its key's story, followed through merges).
 *
 * When a cluster's leader changes (an earlier article arrives and leads it),
 * its new key has no Story yet: the story its members were in is renamed to
 * the new key, if no article still carries the old one, so the story keeps
 * its id, its merges and its chosen lead. Members are tried in canonical
 * order, so the same data always keeps the same story.
 */
import { compareCanonical } from '../../stories/canonical-order';
import { resolveStoryId } from '../../stories/resolve-story';
import { inChunks, type StoredClusterInput } from './load-cluster-inputs';
import { insertRows, type SqlConnection } from './sql-connection';

/** Sets one column of many articles by id, in as few statements as the engine allows. */
export async function updateArticleColumn(
  sql: SqlConnection,
  column: 'storyKey' | 'storyId',
  values: [number, string | number | null][],
): Promise<void> {
  if (values.length === 0) return;
  if (sql.engine === 'sqlite') {
    for (const [id, value] of values) {
      await sql.query(`UPDATE "Article" SET "${column}" = ? WHERE "id" = ?`, [value, id]);
    }
    return;
  }
  const cast = column === 'storyKey' ? 'text' : 'int';
  const size = Math.floor(Math.min(20_000, sql.maxParameters - 10) / 2);
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size);
    const tuples = chunk.map((_, j) => `(${sql.placeholder(2 * j + 1)}::int, ${sql.placeholder(2 * j + 2)}::${cast})`).join(', ');
    await sql.query(
      `UPDATE "Article" AS a SET "${column}" = v.value FROM (VALUES ${tuples}) AS v(id, value) WHERE a."id" = v.id`,
      chunk.flat(),
    );
  }
}

/** Stories merged into another, as a map for resolveStoryId. */
export async function loadMerges(sql: SqlConnection): Promise<Map<number, number>> {
  const rows = await sql.query<{ id: unknown; mergedIntoId: unknown }>(
    'SELECT "id", "mergedIntoId" FROM "Story" WHERE "mergedIntoId" IS NOT NULL',
  );
  return new Map(rows.map((row) => [Number(row.id), Number(row.mergedIntoId)]));
}

export type WrittenAssignments = {
  keysChanged: number;
  /** Articles now shown in another story. */
  storiesChanged: number;
  /** Of those, the published ones: only they change what readers see. */
  publishedMoved: number;
  storiesCreated: number;
};

/** Stores `leaderOf` (article key → leader key) for every article of `region`. */
export async function writeStoryAssignments(
  sql: SqlConnection,
  region: readonly StoredClusterInput[],
  leaderOf: ReadonlyMap<string, string>,
  now = new Date(),
): Promise<WrittenAssignments> {
  const leader = (article: StoredClusterInput) => {
    const key = leaderOf.get(article.key);
    if (key === undefined) throw new Error(`no story assigned to ${article.key}`);
    return key;
  };
  const moved = region.filter((article) => leader(article) !== article.storyKey);
  await updateArticleColumn(
    sql,
    'storyKey',
    moved.map((article) => [article.id, leader(article)]),
  );

  const keys = [...new Set(region.map(leader))];
  const storyByKey = new Map(
    (
      await inChunks(sql, keys, (list, chunk) =>
        sql.query<{ id: unknown; key: string }>(`SELECT "id", "key" FROM "Story" WHERE "key" IN (${list})`, chunk),
      )
    ).map((row) => [row.key, Number(row.id)]),
  );
  const missing = new Set(keys.filter((key) => !storyByKey.has(key)));
  let created = 0;
  if (missing.size > 0) {
    const oldKeys = [...new Set(moved.flatMap((article) => (article.storyKey && missing.has(leader(article)) ? [article.storyKey] : [])))];
    const alive = new Set(
      (
        await inChunks(sql, oldKeys, (list, chunk) =>
          sql.query<{ key: string }>(`SELECT DISTINCT "storyKey" AS "key" FROM "Article" WHERE "storyKey" IN (${list})`, chunk),
        )
      ).map((row) => row.key),
    );
    const dead = oldKeys.filter((key) => !alive.has(key));
    const deadStories = new Map(
      (
        await inChunks(sql, dead, (list, chunk) =>
          sql.query<{ id: unknown; key: string }>(`SELECT "id", "key" FROM "Story" WHERE "key" IN (${list})`, chunk),
        )
      ).map((row) => [row.key, Number(row.id)]),
    );
    for (const article of [...moved].sort(compareCanonical)) {
      const key = leader(article);
      const oldStory = article.storyKey ? deadStories.get(article.storyKey) : undefined;
      if (!missing.has(key) || oldStory === undefined) continue;
      await sql.query(
        `UPDATE "Story" SET "key" = ${sql.placeholder(1)}, "updatedAt" = ${sql.placeholder(2)} WHERE "id" = ${sql.placeholder(3)}`,
        [key, now, oldStory],
      );
      deadStories.delete(article.storyKey!);
      storyByKey.set(key, oldStory);
      missing.delete(key);
    }
    // Another import may create the same key meanwhile: keep its row, and read every id back.
    const inserted = await insertRows<{ id: unknown; key: string }>(
      sql,
      'Story',
      ['key', 'createdAt', 'updatedAt'],
      [...missing].sort().map((key) => [key, now, now]),
      { returning: ['id', 'key'], onConflictDoNothing: 'key' },
    );
    for (const row of inserted) storyByKey.set(row.key, Number(row.id));
    const raced = [...missing].filter((key) => !storyByKey.has(key));
    for (const row of await inChunks(sql, raced, (list, chunk) =>
      sql.query<{ id: unknown; key: string }>(`SELECT "id", "key" FROM "Story" WHERE "key" IN (${list})`, chunk),
    )) {
      storyByKey.set(row.key, Number(row.id));
    }
    created = inserted.length;
  }

  const merges = await loadMerges(sql);
  const storyIds: [number, number][] = [];
  let publishedMoved = 0;
  for (const article of region) {
    const storyId = resolveStoryId(article.pinnedStoryId ?? storyByKey.get(leader(article))!, merges)!;
    if (storyId === article.storyId) continue;
    storyIds.push([article.id, storyId]);
    if (article.published) publishedMoved++;
  }
  await updateArticleColumn(sql, 'storyId', storyIds);
  // The stories articles left may now be empty: remove those no decision points at.
  const left = [...new Set(moved.flatMap((article) => (article.storyId === null ? [] : [article.storyId])))];
  await inChunks(sql, left, (list, chunk) => removeEmptyStories(sql, `"id" IN (${list})`, chunk));
  return { keysChanged: moved.length, storiesChanged: storyIds.length, publishedMoved, storiesCreated: created };
}

/**
 * Removes the stories (among `where`) that no article is shown in, pinned
 * to or clustered under, and that no story was merged into; returns their ids.
 */
export async function removeEmptyStories(sql: SqlConnection, where = '1 = 1', params: (string | number)[] = []): Promise<number[]> {
  const rows = await sql.query<{ id: unknown }>(
    `DELETE FROM "Story"
     WHERE ${where}
       AND "id" NOT IN (SELECT "storyId" FROM "Article" WHERE "storyId" IS NOT NULL)
       AND "id" NOT IN (SELECT "pinnedStoryId" FROM "Article" WHERE "pinnedStoryId" IS NOT NULL)
       AND "id" NOT IN (SELECT "mergedIntoId" FROM "Story" WHERE "mergedIntoId" IS NOT NULL)
       AND ("key" IS NULL OR "key" NOT IN (SELECT "storyKey" FROM "Article" WHERE "storyKey" IS NOT NULL))
     RETURNING "id"`,
    params,
  );
  return rows.map((row) => Number(row.id));
}
