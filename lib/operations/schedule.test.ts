import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { legacyDocument, minimalDocument, seedDocument } from '../../test/fixtures/article-files';
import { signInAs } from '../../test/sessions';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { createUser } from '../data/users/create-user';
import { getStory } from '../data/reader/get-story';
import { listStories } from '../data/reader/list-stories';
import { searchStories } from '../data/reader/search-stories';
import { importSeedFolder } from '../import/import-seed-folder';
import { bulkEdit, editArticle, getArticle, listArticles, undo } from './index';

const NOW = new Date('2030-06-01T12:00:00Z').getTime();
const HOUR = 3_600_000;
let ids: { seed: number; legacy: number; minimal: number };

async function version(id: number) {
  return (await getDb().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

beforeAll(async () => {
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(sql, folderWith({ 'seed.txt': seedDocument, 'legacy.md': legacyDocument, 'minimal.md': minimalDocument }));
  await sql.close();
  const id = async (path: string) => (await getDb().article.findFirstOrThrow({ where: { filePath: path } })).id;
  ids = { seed: await id('seed.txt'), legacy: await id('legacy.md'), minimal: await id('minimal.md') };
  signInAs((await createUser(getDb(), { email: 'scheduler@test.example', role: 'EDITOR', password: 'scheduler password' })).id);
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('scheduling an article', () => {
  it('stores the window in UTC from any offset, audits each end, and undoes it', async () => {
    const result = await editArticle({
      id: ids.legacy,
      version: await version(ids.legacy),
      published: true,
      publishAt: '2030-06-01T15:00:00+02:00',
      unpublishAt: '2030-06-02T00:00:00Z',
    });
    expect(result).toMatchObject({ ok: true, data: { publishAt: '2030-06-01T13:00:00.000Z', unpublishAt: '2030-06-02T00:00:00.000Z' } });
    const history = await getArticle({ id: ids.legacy });
    expect(history.ok && history.data.history.map((change) => [change.field, change.newValue])).toEqual(
      expect.arrayContaining([
        ['publishAt', '2030-06-01T13:00:00.000Z'],
        ['unpublishAt', '2030-06-02T00:00:00.000Z'],
      ]),
    );
    const publishAtChange = history.ok ? history.data.history.find((change) => change.field === 'publishAt') : undefined;
    expect(await undo({ changeId: publishAtChange!.id })).toMatchObject({ ok: true, data: { undone: 1 } });
    expect((await getDb().article.findUniqueOrThrow({ where: { id: ids.legacy } })).publishAt).toBeNull();
    expect(await editArticle({ id: ids.legacy, version: await version(ids.legacy), unpublishAt: null })).toMatchObject({
      ok: true,
      data: { unpublishAt: null },
    });
  });

  it('refuses impossible windows with a 400 naming the field, and changes nothing', async () => {
    const current = await version(ids.minimal);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ publishAt: 'tomorrow' }, /^publishAt: must be an ISO-8601 date-time with an offset/],
      [{ publishAt: '2030-06-02T06:00:00' }, /^publishAt: must be an ISO-8601 date-time with an offset/],
      [{ publishAt: '2030-02-30T06:00:00Z' }, /^publishAt: must be an ISO-8601/],
      [{ unpublishAt: 42 }, /^unpublishAt: must be an ISO-8601/],
      [{ publishAt: '2030-06-03T00:00:00Z', unpublishAt: '2030-06-02T00:00:00Z' }, /^unpublishAt: must be after publishAt/],
      [{ unpublishAt: '2030-06-01T11:59:59Z' }, /^unpublishAt: is already past/],
    ];
    for (const [change, message] of cases) {
      const result = await editArticle({ id: ids.minimal, version: current, ...change });
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, status: 400 });
      if (!result.ok) expect(result.error).toMatch(message);
    }
    await editArticle({ id: ids.minimal, version: current, unpublishAt: '2030-06-05T00:00:00Z' });
    const later = await editArticle({ id: ids.minimal, version: current + 1, publishAt: '2030-06-06T00:00:00Z' });
    expect(later).toMatchObject({ ok: false, status: 400, issues: [{ path: 'publishAt' }] });
    expect(await version(ids.minimal)).toBe(current + 1);
  });

  it('takes a publishAt in the past as "now", and refuses a stale version like any edit', async () => {
    const current = await version(ids.seed);
    expect(await editArticle({ id: ids.seed, version: current, publishAt: '2020-01-01T00:00:00Z' })).toMatchObject({ ok: true });
    expect(await editArticle({ id: ids.seed, version: current, publishAt: '2031-01-01T00:00:00Z' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect((await getStory(ids.seed))?.id).toBe(ids.seed);
    expect(await editArticle({ id: ids.seed, version: current + 1, publishAt: null })).toMatchObject({ ok: true });
  });

  it('in bulk, as one batch that undoes together', async () => {
    const rows = await getDb().article.findMany({ where: { id: { in: [ids.seed, ids.legacy] } }, select: { id: true, version: true } });
    const result = await bulkEdit({ selection: { articles: rows }, publishAt: '2030-06-01T18:00:00Z' });
    expect(result).toMatchObject({ ok: true, data: { matched: 2, changed: 2 } });
    const scheduled = await listArticles({ status: 'scheduled' });
    expect(scheduled.ok && scheduled.data.rows.map((row) => row.id).sort()).toEqual([ids.seed, ids.legacy].sort());
    expect(await undo({ batchId: result.ok ? result.data.batchId! : '' })).toMatchObject({ ok: true, data: { undone: 2, skipped: 0 } });
    const after = await listArticles({ status: 'scheduled' });
    expect(after.ok && after.data.total).toBe(0);
  });
});

describe('what readers see', () => {
  it('follows the schedule at the moment of reading: nothing early, nothing late', async () => {
    await getDb().article.update({
      where: { id: ids.minimal },
      data: { published: true, publishAt: new Date(NOW + HOUR), unpublishAt: new Date(NOW + 2 * HOUR) },
    });
    const visible = async () => ({
      river: (await listStories('latest')).stories.some((story) => story.id === ids.minimal),
      page: (await getStory(ids.minimal)) !== null,
      search: (await searchStories('minimal')).hits.some((hit) => hit.id === ids.minimal),
    });
    const desk = async (status: string) => {
      const page = await listArticles({ status });
      return page.ok && page.data.rows.some((row) => row.id === ids.minimal);
    };
    expect(await visible()).toEqual({ river: false, page: false, search: false });
    expect([await desk('scheduled'), await desk('live'), await desk('expired')]).toEqual([true, false, false]);
    vi.setSystemTime(NOW + HOUR - 1);
    expect(await visible()).toEqual({ river: false, page: false, search: false });
    vi.setSystemTime(NOW + HOUR);
    expect(await visible()).toEqual({ river: true, page: true, search: true });
    expect([await desk('scheduled'), await desk('live'), await desk('expired')]).toEqual([false, true, false]);
    vi.setSystemTime(NOW + 2 * HOUR);
    expect(await visible()).toEqual({ river: false, page: false, search: false });
    expect([await desk('scheduled'), await desk('live'), await desk('expired')]).toEqual([false, false, true]);
  });
});
