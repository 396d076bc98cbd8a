// @ts-check
/**
 * Next.js cache handler (pages, route handlers, unstable_cache data) that
 * keeps entries in this instance's memory but shares tag invalidations
 * through the database, so that an editor's change on one app instance
 * shows on every instance.
 *
 * Why this design: entries are large and hot (kept local, no network hop on
 * a hit); invalidations are tiny and rare (one row per tag in
 * "CacheTagRevalidation", written through tag-revalidations.mjs, which the
 * importer uses too). An entry is served only if none of its tags was
 * revalidated after it was made. SQLite instances (same machine) read the
 * table on every lookup (a microsecond-scale indexed read); PostgreSQL
 * instances refresh their view at most every NEWSDESK_CACHE_TAG_SYNC_MS
 * (default 1000 ms), which bounds how stale another instance can be.
 *
 * Loaded by Next.js at run time, outside the bundle: plain JavaScript.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { resolveDatabaseUrl, sqliteFileOf } from '../db/database-url.mjs';
import { dayBounds, dayOf, siteTimeZone } from '../digest/day-bounds.mjs';
import { ARTICLES_TAG } from './cache-tags.mjs';
import { invalidationTime, revalidatedAtMs, tagRevalidationSelect, tagRevalidationUpsert } from './tag-revalidations.mjs';

const MAX_ENTRIES = Number(process.env.NEWSDESK_CACHE_MAX_ENTRIES ?? 5000);
const SYNC_INTERVAL_MS = Number(process.env.NEWSDESK_CACHE_TAG_SYNC_MS ?? 1000);
const TAGS_HEADER = 'x-next-cache-tags';

/** @typedef {{ value: unknown, lastModified: number, cacheControl: unknown, tags: string[] }} Entry */

/**
 * Tag → time of its last revalidation (ms), as this instance knows it.
 * @type {Map<string, number>}
 */
const revalidatedAt = new Map();
/** @type {Map<string, Entry>} insertion order doubles as recency order (LRU) */
const entries = new Map();
/**
 * Key → when a lookup first missed since the key was last stored: about when
 * the render (or data fetch) that will store it began reading. An entry is
 * dated from then, not from when it is stored, so a render that read the
 * database before an invalidation and finished after it (readers polling the
 * river while an import commits) is stored as already stale instead of
 * keeping the old page until the next change.
 * @type {Map<string, number>}
 */
const missedAt = new Map();
const MAX_MISSES = 10_000;

function noteMiss(/** @type {string} */ key) {
  if (missedAt.has(key)) return;
  if (missedAt.size >= MAX_MISSES) missedAt.delete(/** @type {string} */ (missedAt.keys().next().value));
  missedAt.set(key, Date.now());
}

/** @type {{ read(): Promise<Array<{ tag: string, at: number }>>, write(tags: string[], at: number): Promise<void>, nextBoundary(after: number): Promise<number | null>, latestBoundary(after: number, upTo: number): Promise<number | null> } | null | undefined} */
let store;
let lastSync = 0;
let warned = false;

function warnOnce(/** @type {unknown} */ error) {
  if (warned) return;
  warned = true;
  console.warn(`newsdesk cache: tag invalidations are not shared (${error instanceof Error ? error.message : error})`);
}

function openStore() {
  const url = resolveDatabaseUrl();
  if (url.startsWith('file:')) {
    const database = new Database(sqliteFileOf(url), { fileMustExist: true, timeout: 5000 });
    const select = database.prepare(tagRevalidationSelect('sqlite'));
    const upsert = database.prepare(tagRevalidationUpsert('sqlite', '', 0).sql);
    const writeAll = database.transaction((/** @type {string[]} */ tags, /** @type {number} */ at) => {
      for (const tag of tags) upsert.run(...tagRevalidationUpsert('sqlite', tag, at).params);
    });
    // Schedule boundaries of published articles, as Prisma stores SQLite date-times (text order is time order).
    const boundary = (/** @type {string} */ aggregate, /** @type {string} */ condition) =>
      database.prepare(
        `SELECT ${aggregate}(t) AS t FROM (SELECT ${aggregate}("publishAt") AS t FROM "Article" WHERE "published" = 1 AND ${condition.replaceAll('$col', '"publishAt"')}
         UNION ALL SELECT ${aggregate}("unpublishAt") FROM "Article" WHERE "published" = 1 AND ${condition.replaceAll('$col', '"unpublishAt"')})`,
      );
    const next = boundary('MIN', '$col > ?');
    const latest = boundary('MAX', '$col > ? AND $col <= ?');
    const text = (/** @type {number} */ ms) => new Date(ms).toISOString().replace('Z', '+00:00');
    const time = (/** @type {any} */ row) => (row?.t ? Date.parse(row.t) : null);
    return {
      sync: true,
      nextBoundary: async (/** @type {number} */ after) => time(next.get(text(after), text(after))),
      latestBoundary: async (/** @type {number} */ after, /** @type {number} */ upTo) =>
        time(latest.get(text(after), text(upTo), text(after), text(upTo))),
      read: async () =>
        /** @type {Array<{ tag: string, at: unknown }>} */ (select.all()).map((row) => ({ tag: row.tag, at: revalidatedAtMs(row.at) })),
      write: async (/** @type {string[]} */ tags, /** @type {number} */ at) => writeAll(tags, at),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection dropped by the server (restart, failover) must not take the app down.
  pool.on('error', warnOnce);
  const at = (/** @type {number} */ index) => `to_timestamp($${index}::double precision / 1000) AT TIME ZONE 'UTC'`;
  const boundary = async (/** @type {string} */ aggregate, /** @type {string} */ condition, /** @type {number[]} */ params) => {
    const { rows } = await pool.query(
      `SELECT EXTRACT(EPOCH FROM ${aggregate}(t)) * 1000 AS t FROM (
         SELECT ${aggregate}("publishAt") AS t FROM "Article" WHERE "published" AND ${condition.replaceAll('$col', '"publishAt"')}
         UNION ALL SELECT ${aggregate}("unpublishAt") FROM "Article" WHERE "published" AND ${condition.replaceAll('$col', '"unpublishAt"')}) boundaries`,
      params,
    );
    return rows[0]?.t === null || rows[0]?.t === undefined ? null : Number(rows[0].t);
  };
  return {
    sync: false,
    nextBoundary: (/** @type {number} */ after) => boundary('MIN', `$col > ${at(1)}`, [after]),
    latestBoundary: (/** @type {number} */ after, /** @type {number} */ upTo) =>
      boundary('MAX', `$col > ${at(1)} AND $col <= ${at(2)}`, [after, upTo]),
    read: async () => {
      const { rows } = await pool.query(tagRevalidationSelect('postgresql'));
      return rows.map((row) => ({ tag: row.tag, at: revalidatedAtMs(row.at) }));
    },
    write: async (/** @type {string[]} */ tags, /** @type {number} */ at) => {
      for (const tag of tags) {
        const { sql, params } = tagRevalidationUpsert('postgresql', tag, at);
        await pool.query(sql, params);
      }
    },
  };
}

/** @returns {ReturnType<typeof openStore> | null} */
function getStore() {
  if (store === undefined) {
    try {
      store = openStore();
    } catch (error) {
      warnOnce(error);
      store = null;
    }
  }
  return /** @type {any} */ (store);
}

async function syncTags() {
  const current = getStore();
  if (!current) return;
  const now = Date.now();
  if (!current.sync && now - lastSync < SYNC_INTERVAL_MS) return;
  lastSync = now;
  try {
    for (const { tag, at } of await current.read()) {
      if (at > (revalidatedAt.get(tag) ?? 0)) revalidatedAt.set(tag, at);
    }
  } catch (error) {
    warnOnce(error);
  }
}

/**
 * Schedules change what readers see with no one touching the data: at every
 * `publishAt` and `unpublishAt` of a published article, and at midnight in
 * the site's time zone (today's digest becomes yesterday's), pages showing
 * articles go stale. Each instance works this out from its own clock (no job,
 * no message), asking the database only when a boundary has passed or the
 * articles changed; a boundary counts as a revalidation of ARTICLES_TAG.
 */
const schedule = {
  /** The earliest boundary after `checkedAt` (undefined: not asked yet). */
  /** @type {number | undefined} */ next: undefined,
  /** Boundaries up to here are accounted for; no entry of this process is older than its start. */
  checkedAt: Date.now(),
  /** ARTICLES_TAG's revalidation time when last asked: an edit may have added a boundary. */
  basis: 0,
};

async function passScheduleBoundaries() {
  const current = getStore();
  if (!current) return;
  const now = Date.now();
  const basis = revalidatedAt.get(ARTICLES_TAG) ?? 0;
  const due = schedule.next === undefined || basis !== schedule.basis || schedule.next <= now;
  if (!due) return;
  try {
    const since = Math.min(schedule.checkedAt, basis || now);
    const today = dayBounds(dayOf(new Date(now), siteTimeZone()), siteTimeZone());
    const midnight = today.start.getTime() > since ? today.start.getTime() : null;
    const passed = Math.max((await current.latestBoundary(since, now)) ?? -1, midnight ?? -1);
    // Entries are dated from the miss that started their render, so one begun before the boundary is older than it.
    if (passed >= 0) revalidatedAt.set(ARTICLES_TAG, Math.max(revalidatedAt.get(ARTICLES_TAG) ?? 0, passed));
    schedule.next = Math.min((await current.nextBoundary(now)) ?? Infinity, today.end.getTime());
    schedule.checkedAt = now;
    schedule.basis = revalidatedAt.get(ARTICLES_TAG) ?? 0;
  } catch (error) {
    warnOnce(error);
  }
}

/** @param {string[]} tags @param {number} since */
function revalidatedSince(tags, since) {
  return tags.some((tag) => (revalidatedAt.get(tag) ?? 0) > since);
}

/** @param {any} value @param {any} ctx */
function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === 'string' ? header.split(',') : [];
  return [...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

export default class SharedTagCacheHandler {
  /** @param {unknown} _context */
  constructor(_context) {}

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = entries.get(key);
    if (!entry) {
      noteMiss(key);
      return null;
    }
    await syncTags();
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    if (tags.includes(ARTICLES_TAG)) await passScheduleBoundaries();
    if (revalidatedSince(tags, entry.lastModified)) {
      entries.delete(key);
      noteMiss(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (!data) {
      entries.delete(key);
      return;
    }
    const lastModified = missedAt.get(key) ?? Date.now();
    missedAt.delete(key);
    entries.delete(key);
    entries.set(key, { value: data, lastModified, cacheControl: ctx?.cacheControl, tags: tagsOf(data, ctx) });
    while (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    const at = invalidationTime();
    for (const tag of list) revalidatedAt.set(tag, at);
    try {
      await getStore()?.write(list, at);
    } catch (error) {
      warnOnce(error);
    }
  }

  resetRequestCache() {}
}
