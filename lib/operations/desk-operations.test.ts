import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revalidations, signInAs } from '../../test/sessions';
import { legacyDocument, minimalDocument, seedDocument, withField } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { createUser } from '../data/users/create-user';
import { importSeedFolder, formatSummary } from '../import/import-seed-folder';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { addUser, bulkEdit, changeUser, editArticleFromDesk, getArticle, listArticles, undo } from './desk-operations';

let admin: string;
let editor: string;
let disabled: string;
let ids: { seed: number; legacy: number; minimal: number };
const seedFolder = folderWith({ 'seed.txt': seedDocument, 'legacy.md': legacyDocument, 'minimal.md': minimalDocument });

async function snapshot() {
  const db = getDb();
  return {
    articles: await db.article.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, published: true, quality: true, version: true, publishedEditedAt: true, qualityEditedAt: true },
    }),
    changes: await db.articleChange.count(),
    users: await db.user.findMany({ orderBy: { email: 'asc' }, select: { email: true, role: true, disabledAt: true } }),
  };
}

async function article(id: number) {
  return getDb().article.findUniqueOrThrow({
    where: { id },
    select: { published: true, quality: true, version: true, publishedEditedAt: true, qualityEditedAt: true },
  });
}

beforeAll(async () => {
  const db = getDb();
  admin = (await createUser(db, { email: 'admin@test.example', role: 'ADMIN', password: 'admin password 123' })).id;
  editor = (await createUser(db, { email: 'editor@test.example', role: 'EDITOR', password: 'editor password 123' })).id;
  disabled = (await createUser(db, { email: 'gone@test.example', role: 'ADMIN', password: 'gone password 1234' })).id;
  await db.user.update({ where: { id: disabled }, data: { disabledAt: new Date() } });
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(sql, seedFolder);
  await sql.close();
  const bySource = async (path: string) => (await db.article.findFirstOrThrow({ where: { filePath: path } })).id;
  ids = { seed: await bySource('seed.txt'), legacy: await bySource('legacy.md'), minimal: await bySource('minimal.md') };
});

beforeEach(() => {
  revalidations.length = 0;
  signInAs(null);
});

describe('the guard refuses, and changes nothing', () => {
  const attempts = () => [
    () => editArticleFromDesk({ id: ids.seed, version: 1, published: false }),
    () => bulkEdit({ selection: { filter: {} }, published: false }),
    () => undo({ batchId: 'x' }),
    () => addUser({ email: 'new@test.example', role: 'ADMIN', password: 'a long password' }),
    () => changeUser({ id: editor, role: 'ADMIN' }),
  ];

  it('without a session: 401', async () => {
    const before = await snapshot();
    for (const attempt of attempts()) expect(await attempt()).toMatchObject({ ok: false, status: 401 });
    expect(await listArticles({})).toMatchObject({ ok: false, status: 401 });
    expect(await snapshot()).toEqual(before);
    expect(revalidations).toEqual([]);
  });

  it('for a disabled user, even with a session: 401', async () => {
    signInAs(disabled);
    const before = await snapshot();
    for (const attempt of attempts()) expect(await attempt()).toMatchObject({ ok: false, status: 401 });
    expect(await snapshot()).toEqual(before);
  });

  it('for an editor trying an admin action: 403', async () => {
    signInAs(editor);
    const before = await snapshot();
    expect(await addUser({ email: 'new@test.example', role: 'ADMIN', password: 'a long password' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await changeUser({ id: editor, role: 'ADMIN' })).toMatchObject({ ok: false, status: 403 });
    expect(await snapshot()).toEqual(before);
  });

  it('for malformed input: 400 naming the field', async () => {
    signInAs(editor);
    const before = await snapshot();
    const cases: [unknown, RegExp][] = [
      [{ id: ids.seed, version: 1, published: 'yes' }, /published: must be true or false/],
      [{ id: ids.seed, version: 1, quality: -1 }, /quality: must be at least 0/],
      [{ id: ids.seed, version: 1, quality: 3.5 }, /quality: must be a whole number/],
      [{ id: ids.seed, version: 1, quality: 1001 }, /quality: must be at most 1000/],
      [{ id: ids.seed, version: 1, quality: '50' }, /quality: must be a whole number/],
      [{ id: ids.seed, published: true }, /version: is required/],
      [{ id: 'abc', version: 1, published: true }, /id: must be an article id/],
      [{ id: ids.seed, version: 1 }, /change published, quality or both/],
      [{ id: ids.seed, version: 1, published: true, title: 'x'.repeat(100_000) }, /Unrecognized key/i],
      ['not an object', /expected object/i],
      [null, /expected object/i],
    ];
    for (const [input, message] of cases) {
      const result = await editArticleFromDesk(input);
      expect(result).toMatchObject({ ok: false, status: 400 });
      if (!result.ok) expect(result.error).toMatch(message);
    }
    expect(await bulkEdit({ selection: { articles: [] }, published: true })).toMatchObject({ ok: false, status: 400 });
    expect(await bulkEdit({ selection: { filter: { qualityMin: 'high' } }, published: true })).toMatchObject({ ok: false, status: 400 });
    expect(await snapshot()).toEqual(before);
  });

  it('for unknown ids: 404', async () => {
    signInAs(editor);
    const before = await snapshot();
    expect(await editArticleFromDesk({ id: 999_999, version: 1, published: true })).toMatchObject({ ok: false, status: 404 });
    expect(
      await bulkEdit({
        selection: {
          articles: [
            { id: ids.seed, version: 1 },
            { id: 999_999, version: 1 },
          ],
        },
        published: false,
      }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await undo({ changeId: 'nope' })).toMatchObject({ ok: false, status: 404 });
    expect(await getArticle({ id: 999_999 })).toMatchObject({ ok: false, status: 404 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('single edits', () => {
  it('apply with the version seen, audit in the same transaction, mark editors’ provenance, refresh reader pages', async () => {
    signInAs(editor);
    const before = await article(ids.legacy);
    const result = await editArticleFromDesk({ id: ids.legacy, version: before.version, published: true, quality: 321 });
    expect(result).toMatchObject({ ok: true, data: { published: true, quality: 321, version: before.version + 1 } });
    const after = await article(ids.legacy);
    expect(after.publishedEditedAt).not.toBeNull();
    expect(after.qualityEditedAt).not.toBeNull();
    const history = await getArticle({ id: ids.legacy });
    expect(
      history.ok && history.data.history.map((change) => [change.field, change.oldValue, change.newValue, change.via, change.user?.email]),
    ).toEqual(
      expect.arrayContaining([
        ['published', false, true, 'desk', 'editor@test.example'],
        ['quality', null, 321, 'desk', 'editor@test.example'],
      ]),
    );
    expect(revalidations).toEqual(['articles']);
  });

  it('refuse a stale version with the current values (409)', async () => {
    signInAs(editor);
    const { version } = await article(ids.legacy);
    const stale = await editArticleFromDesk({ id: ids.legacy, version: version - 1, published: false });
    expect(stale).toMatchObject({ ok: false, status: 409, current: { id: ids.legacy, published: true, version } });
    expect((await article(ids.legacy)).published).toBe(true);
  });

  it('let exactly one of two simultaneous edits win', async () => {
    signInAs(editor);
    const { version, published } = await article(ids.minimal);
    const changesBefore = await getDb().articleChange.count({ where: { articleId: ids.minimal } });
    const results = await Promise.all([
      editArticleFromDesk({ id: ids.minimal, version, published: !published }),
      editArticleFromDesk({ id: ids.minimal, version, quality: 5 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.status === 409)).toHaveLength(1);
    const after = await article(ids.minimal);
    expect(after.version).toBe(version + 1);
    const won = results.find((result) => result.ok)!;
    expect(won.ok && [won.data.published, won.data.quality]).toEqual([after.published, after.quality]);
    expect(await getDb().articleChange.count({ where: { articleId: ids.minimal } })).toBe(changesBefore + 1);
  });
});

describe('editors win over re-seeding, whichever desk path set the value', () => {
  it('single edit, bulk and undo all stamp the provenance the seeder honours', async () => {
    signInAs(editor);
    const { version } = await article(ids.seed);
    expect(await editArticleFromDesk({ id: ids.seed, version, quality: 10 })).toMatchObject({ ok: true });
    const bulk = await bulkEdit({ selection: { articles: [{ id: ids.seed, version: version + 1 }] }, published: false });
    expect(bulk).toMatchObject({ ok: true, data: { changed: 1 } });
    const sql = await openSqlConnection(process.env.DATABASE_URL!);
    // The file changes its headline and its own scores; the editors' values must stay.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${seedFolder}/seed.txt`, withField(withField(seedDocument, 'quality: 134', 'quality: 200'), 'heat: 214', 'heat: 300'));
    expect(formatSummary(await importSeedFolder(sql, seedFolder))).toBe('created 0, updated 1, unchanged 2, rejected 0');
    await sql.close();
    const after = await getDb().article.findUniqueOrThrow({ where: { id: ids.seed } });
    expect([after.published, after.quality, after.heat, after.fileQuality]).toEqual([false, 10, 300, 200]);
    // Undo the bulk unpublish: it is an editor's decision too.
    const undone = await undo({ batchId: bulk.ok ? bulk.data.batchId : '' });
    expect(undone).toMatchObject({ ok: true, data: { undone: 1, skipped: 0 } });
    expect((await article(ids.seed)).published).toBe(true);
  });
});

describe('bulk edits', () => {
  it('change everything matching a filter atomically, count what changed, and undo as a batch', async () => {
    signInAs(editor);
    const before = await getDb().article.findMany({ select: { id: true, published: true } });
    const result = await bulkEdit({ selection: { filter: { status: 'all' } }, published: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.matched).toBe(before.length);
    expect(result.data.changed).toBe(before.filter((row) => row.published).length);
    expect(await getDb().article.count({ where: { published: true } })).toBe(0);
    expect(await getDb().articleChange.count({ where: { batchId: result.data.batchId!, via: 'bulk' } })).toBe(result.data.changed);
    // Someone republishes one article in between: undoing the batch keeps their decision.
    const republished = before.find((row) => row.published)!;
    const { version } = await article(republished.id);
    await editArticleFromDesk({ id: republished.id, version, quality: 77 });
    await editArticleFromDesk({ id: republished.id, version: version + 1, published: true });
    const undone = await undo({ batchId: result.data.batchId! });
    expect(undone).toMatchObject({ ok: true, data: { undone: result.data.changed - 1, skipped: 1 } });
    expect(await getDb().article.count({ where: { published: true } })).toBe(before.filter((row) => row.published).length);
  });

  it('refuse picked articles that changed since they were loaded, changing none', async () => {
    signInAs(editor);
    const rows = await getDb().article.findMany({ select: { id: true, version: true } });
    const picks = rows.map((row, index) => ({ id: row.id, version: index === 0 ? row.version - 1 : row.version }));
    const before = await snapshot();
    const result = await bulkEdit({ selection: { articles: picks }, quality: 999 });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('undo', () => {
  it('restores the value, is audited, and refuses when the field changed again', async () => {
    signInAs(editor);
    const { version, quality } = await article(ids.minimal);
    const first = await editArticleFromDesk({ id: ids.minimal, version, quality: 400 });
    const second = await editArticleFromDesk({ id: ids.minimal, version: version + 1, quality: 500 });
    expect(first.ok && second.ok).toBe(true);
    const history = await getArticle({ id: ids.minimal });
    const [latest, previous] = history.ok ? history.data.history : [];
    expect(previous?.undoable).toBe(false);
    expect(await undo({ changeId: previous!.id })).toMatchObject({ ok: false, status: 409 });
    expect(await undo({ changeId: latest!.id })).toMatchObject({ ok: true, data: { undone: 1 } });
    expect((await article(ids.minimal)).quality).toBe(400);
    expect(await undo({ changeId: latest!.id })).toMatchObject({ ok: false, status: 409 });
    expect(await undo({ changeId: previous!.id })).toMatchObject({ ok: true });
    expect((await article(ids.minimal)).quality).toBe(quality);
    const audited = await getDb().articleChange.findMany({ where: { undoOfId: { in: [latest!.id, previous!.id] } } });
    expect(audited.map((change) => [change.via, change.userId])).toEqual([
      ['undo', editor],
      ['undo', editor],
    ]);
  });
});

describe('user management', () => {
  it('lets an admin add users, change roles and disable them, but not lock themselves out', async () => {
    signInAs(admin);
    const added = await addUser({ email: 'New.Person@test.example', role: 'EDITOR', password: 'correct horse battery' });
    expect(added).toMatchObject({ ok: true, data: { email: 'new.person@test.example', role: 'EDITOR' } });
    expect(await addUser({ email: 'new.person@test.example', role: 'EDITOR', password: 'correct horse battery' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await addUser({ email: 'x@test.example', role: 'EDITOR', password: 'short' })).toMatchObject({ ok: false, status: 400 });
    const id = added.ok ? added.data.id : '';
    expect(await changeUser({ id, role: 'ADMIN' })).toMatchObject({ ok: true, data: { role: 'ADMIN' } });
    expect(await changeUser({ id, disabled: true })).toMatchObject({ ok: true });
    expect(await changeUser({ id: admin, disabled: true })).toMatchObject({ ok: false, status: 422 });
    expect(await changeUser({ id: admin, role: 'EDITOR' })).toMatchObject({ ok: false, status: 422 });
    signInAs(id);
    expect(await listArticles({})).toMatchObject({ ok: false, status: 401 });
  });
});
