/**
 * Scheduled articles change what readers see at their boundaries with no
 * one touching the data: every instance's page cache must drop pages at the
 * boundary, not before, and not twice. Two instances are two separate loads
 * of the handler module (each keeps its own entries and clock reading);
 * time is a fake clock, nothing sleeps.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { legacyDocument } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { importSeedFolder } from '../import/import-seed-folder';

const HOUR = 3_600_000;
const start = new Date('2030-01-01T00:00:00Z').getTime();
const page = { kind: 'APP_PAGE', html: '<p>river</p>', headers: { 'x-next-cache-tags': '_N_T_/latest,articles' } };

async function instance() {
  vi.resetModules();
  const { default: Handler } = await import('./shared-tag-cache-handler.mjs');
  return new Handler({});
}

const at = (ms: number) => vi.setSystemTime(new Date(ms));

let articleId: number;
beforeAll(async () => {
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(sql, folderWith({ 'scheduled.md': legacyDocument }));
  await sql.close();
  articleId = (await getDb().article.findFirstOrThrow({ where: { filePath: 'scheduled.md' } })).id;
});

afterEach(() => vi.useRealTimers());

describe('schedule boundaries in the page cache', () => {
  it('drop pages on every instance exactly at each boundary, and only once per boundary', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(start);
    await getDb().article.update({
      where: { id: articleId },
      data: { published: true, publishAt: new Date(start + HOUR), unpublishAt: new Date(start + 2 * HOUR) },
    });
    const [one, two] = [await instance(), await instance()];
    for (const handler of [one, two]) await handler.set('/latest', page, {});

    at(start + HOUR - 1);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'not early').not.toBeNull();

    at(start + HOUR);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'not missed').toBeNull();

    at(start + HOUR + 5_000);
    for (const handler of [one, two]) await handler.set('/latest', page, {});
    at(start + 2 * HOUR - 1);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'not twice').not.toBeNull();

    at(start + 2 * HOUR + 30_000);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'the second boundary').toBeNull();
  });

  it('learn about a window an editor sets after the page was cached', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(start + 3 * HOUR);
    const [one, two] = [await instance(), await instance()];
    for (const handler of [one, two]) await handler.set('/latest', page, {});
    for (const handler of [one, two]) expect(await handler.get('/latest', {})).not.toBeNull();

    // An editor schedules a take-down in ten minutes; their instance revalidates, the other reads the shared table.
    at(start + 3 * HOUR + 60_000);
    await getDb().article.update({ where: { id: articleId }, data: { unpublishAt: new Date(start + 3 * HOUR + 11 * 60_000) } });
    await one.revalidateTag(['articles']);
    at(start + 3 * HOUR + 2 * 60_000 + 5_000);
    for (const handler of [one, two]) {
      expect(await handler.get('/latest', {}), 'the edit itself').toBeNull();
      await handler.set('/latest', page, {});
    }
    at(start + 3 * HOUR + 11 * 60_000 - 1);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'not early').not.toBeNull();
    at(start + 3 * HOUR + 11 * 60_000);
    for (const handler of [one, two]) expect(await handler.get('/latest', {}), 'not missed').toBeNull();
  });

  it('drop pages at midnight in the site’s time zone, when today’s digest becomes yesterday’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('NEWSDESK_TIME_ZONE', 'Europe/Paris');
    try {
      at(new Date('2030-01-05T22:00:00Z').getTime());
      const handler = await instance();
      await handler.set('/digest/2030-01-05', page, {});
      at(new Date('2030-01-05T22:59:59Z').getTime());
      expect(await handler.get('/digest/2030-01-05', {}), 'before midnight in Paris').not.toBeNull();
      at(new Date('2030-01-05T23:00:00Z').getTime());
      expect(await handler.get('/digest/2030-01-05', {}), 'at midnight in Paris').toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
