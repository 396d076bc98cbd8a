// @ts-check
/**
 * The one record of cache tag invalidations that every app instance follows:
 * the "CacheTagRevalidation" table (tag → when it was last invalidated).
 * The page cache handler (shared-tag-cache-handler.mjs) reads and writes it
 * inside the app; processes outside it (the importer on the command line,
 * the watcher) write it through the same statements here, because they
 * cannot call Next's revalidateTag. Plain JavaScript: the cache handler is
 * loaded outside the TypeScript build.
 */

/** @typedef {'sqlite' | 'postgresql'} DatabaseEngine */

/**
 * The statement that records one tag's invalidation at `at` (ms since the
 * epoch), and its parameters, for each engine. SQLite stores Prisma's
 * DateTime text (ISO-8601 with +00:00); PostgreSQL a UTC timestamp.
 * @param {DatabaseEngine} engine
 * @param {string} tag
 * @param {number} at
 * @returns {{ sql: string, params: [string, string | number] }}
 */
export function tagRevalidationUpsert(engine, tag, at) {
  if (engine === 'sqlite') {
    return {
      sql: 'INSERT INTO "CacheTagRevalidation" ("tag", "revalidatedAt") VALUES (?, ?) ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = excluded."revalidatedAt"',
      params: [tag, new Date(at).toISOString().replace('Z', '+00:00')],
    };
  }
  return {
    sql: `INSERT INTO "CacheTagRevalidation" ("tag", "revalidatedAt") VALUES ($1, to_timestamp($2::double precision / 1000) AT TIME ZONE 'UTC')
          ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"`,
    params: [tag, at],
  };
}

/**
 * Every tag's last invalidation, in ms, for each engine.
 * @param {DatabaseEngine} engine
 */
export function tagRevalidationSelect(engine) {
  return engine === 'sqlite'
    ? 'SELECT "tag", "revalidatedAt" AS "at" FROM "CacheTagRevalidation"'
    : `SELECT "tag", EXTRACT(EPOCH FROM "revalidatedAt") * 1000 AS "at" FROM "CacheTagRevalidation"`;
}

/**
 * A stored time as ms since the epoch, from either engine's row.
 * @param {unknown} value
 */
export function revalidatedAtMs(value) {
  return typeof value === 'string' && !/^\d+(\.\d+)?$/.test(value) ? Date.parse(value) : Number(value);
}

/**
 * "Now" for an invalidation: one millisecond ahead, so an entry stored in this
 * same millisecond counts as stale too.
 */
export function invalidationTime() {
  return Date.now() + 1;
}
