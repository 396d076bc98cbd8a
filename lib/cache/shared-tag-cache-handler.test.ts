import { describe, expect, it } from 'vitest';
import SharedTagCacheHandler from './shared-tag-cache-handler.mjs';

const page = (tags: string) => ({ kind: 'APP_PAGE', html: '<p>x</p>', headers: { 'x-next-cache-tags': tags } });

describe('SharedTagCacheHandler', () => {
  it('serves an entry until one of its tags is revalidated, on any handler instance', async () => {
    const writer = new SharedTagCacheHandler({});
    await writer.set('/latest', page('_N_T_/latest,articles'), {});
    expect((await new SharedTagCacheHandler({}).get('/latest', {}))?.value).toEqual(page('_N_T_/latest,articles'));
    await new SharedTagCacheHandler({}).revalidateTag(['other']);
    expect(await writer.get('/latest', {})).not.toBeNull();
    await new SharedTagCacheHandler({}).revalidateTag('articles');
    expect(await writer.get('/latest', {})).toBeNull();
  });

  it('checks the tags of data entries given at lookup', async () => {
    // An entry made in the same millisecond as a revalidation counts as stale.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const handler = new SharedTagCacheHandler({});
    await handler.set('data', { kind: 'FETCH', data: {} }, { tags: ['articles'] });
    expect(await handler.get('data', { kind: 'FETCH', tags: ['articles'] })).not.toBeNull();
    await handler.revalidateTag(['articles']);
    expect(await handler.get('data', { kind: 'FETCH', tags: ['articles'] })).toBeNull();
  });

  it('records invalidations in the database, where other processes see them', async () => {
    await new SharedTagCacheHandler({}).revalidateTag(['shared-tag']);
    const { openSqlConnection } = await import('../db/bulk/sql-connection');
    const sql = await openSqlConnection(process.env.DATABASE_URL!);
    const rows = await sql.query<{ tag: string }>(`SELECT "tag" FROM "CacheTagRevalidation" WHERE "tag" = 'shared-tag'`);
    await sql.close();
    expect(rows).toHaveLength(1);
  });

  it('dates an entry from the lookup that missed, so a render that read before an invalidation is stored stale', async () => {
    const handler = new SharedTagCacheHandler({});
    // A render begins (its lookup misses), an import commits and invalidates, then the render stores what it read.
    expect(await handler.get('/river', {})).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await new SharedTagCacheHandler({}).revalidateTag(['articles']);
    await handler.set('/river', page('_N_T_/river,articles'), {});
    expect(await handler.get('/river', {})).toBeNull();
    // The next render begins after the invalidation: what it stores is fresh.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.set('/river', page('_N_T_/river,articles'), {});
    expect(await handler.get('/river', {})).not.toBeNull();
  });
});
