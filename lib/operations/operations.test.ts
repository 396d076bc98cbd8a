import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revalidations, signInAs } from '../../test/sessions';
import { legacyDocument, minimalDocument, seedDocument, withField } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { createUser } from '../data/users/create-user';
import { importSeedFolder, formatSummary } from '../import/import-seed-folder';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { testDatabaseEngine } from '../../test/test-database';
import * as actions from '../actions/desk-actions';
import type { GuardedOperation } from '../auth/guard';
import { permissions } from '../auth/roles';
import * as operations from './index';
import { addUser, bulkEdit, changeUser, editArticle, getArticle, listArticles, readDeskEvents, skipQueued, undo } from './index';

const everyOperation = Object.entries(operations) as [string, GuardedOperation<unknown>][];

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
    tokens: await db.apiToken.count(),
    users: await db.user.findMany({ orderBy: { email: 'asc' }, select: { email: true, role: true, disabledAt: true, deskVisitAt: true } }),
    skips: await db.queueSkip.count(),
    presences: await db.presence.count(),
    views: await db.savedView.count(),
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
  /** Plausible input for each operation, so a refusal is not just a validation error. */
  const plausible: Record<string, unknown> = {
    editArticle: { id: 1, version: 1, published: false },
    bulkEdit: { selection: { filter: {} }, published: false },
    undo: { batchId: 'x' },
    addUser: { email: 'new@test.example', role: 'ADMIN', password: 'a long password' },
    changeUser: { id: 'someone', role: 'ADMIN' },
    createOwnApiToken: { name: 'script' },
    revokeOwnApiToken: { id: 'token' },
    getArticle: { id: 1 },
    mergeStories: { storyId: 1, intoStoryId: 2 },
    splitStory: { articleId: 1 },
    chooseLead: { articleId: 1 },
    skipQueued: { id: 1 },
    beatPresence: { articleId: 1, activity: 'editing quality' },
    leaveArticle: { articleId: 1 },
    saveMyView: { name: 'Unpublished', query: 'status=unpublished' },
    deleteMyView: { id: 'view' },
    readDeskEvents: { after: 0 },
    getOverview: { days: 7 },
    exportArticles: { status: 'unpublished' },
    getArticleDetails: { id: 1 },
    changePassword: { current: 'editor password 123', next: 'a brand new password' },
    signUserOutEverywhere: { id: 'someone' },
    resetPassword: { id: 'someone' },
    revokeAnyonesApiToken: { id: 'token' },
    connectGitHub: { githubId: '12345' },
  };
  const inputFor = (name: string) => plausible[name] ?? {};

  it('every export of lib/operations is a guarded operation, and every server action delegates to one', () => {
    for (const [name, operation] of everyOperation) {
      expect(typeof operation, name).toBe('function');
      expect(Object.keys(permissions), name).toContain(operation.permission);
    }
    expect(Object.keys(actions).length).toBeGreaterThan(0);
  });

  it('without a session: 401 from every operation and every server action, nothing written, nothing audited', async () => {
    const before = await snapshot();
    const events = await getDb().auditEvent.count();
    for (const [name, operation] of everyOperation) expect(await operation(inputFor(name)), name).toMatchObject({ ok: false, status: 401 });
    for (const [name, action] of Object.entries(actions)) {
      expect(await (action as (input: unknown) => Promise<unknown>)({}), name).toMatchObject({ ok: false, status: 401 });
    }
    expect(await snapshot()).toEqual(before);
    expect(await getDb().auditEvent.count()).toBe(events);
    expect(revalidations).toEqual([]);
  });

  it('for a disabled user, even with a session: 401 from every operation', async () => {
    signInAs(disabled);
    const before = await snapshot();
    for (const [name, operation] of everyOperation) expect(await operation(inputFor(name)), name).toMatchObject({ ok: false, status: 401 });
    expect(await snapshot()).toEqual(before);
  });

  it('for an editor trying every admin operation: 403, audited as refused', async () => {
    signInAs(editor);
    const before = await snapshot();
    const adminOnly = everyOperation.filter(([, operation]) => operation.permission === 'manageUsers');
    expect(adminOnly.map(([name]) => name).sort()).toEqual([
      'addUser',
      'changeUser',
      'listAccountEvents',
      'listAllUsers',
      'listEveryApiToken',
      'resetPassword',
      'revokeAnyonesApiToken',
      'signUserOutEverywhere',
    ]);
    for (const [name, operation] of adminOnly) expect(await operation(inputFor(name)), name).toMatchObject({ ok: false, status: 403 });
    expect(await snapshot()).toEqual(before);
    const refused = await getDb().auditEvent.findMany({ where: { actorId: editor, outcome: 'refused', status: 403 } });
    expect(refused.map((event) => event.action).sort()).toEqual([
      'apiToken.revokeAny',
      'user.change',
      'user.create',
      'user.resetPassword',
      'user.signOutEverywhere',
    ]);
  });

  it('for an editor trying to import: 403, audited as refused; an importer may import and nothing else', async () => {
    signInAs(editor);
    const importing = everyOperation.filter(([, operation]) => operation.permission === 'importArticles');
    expect(importing.map(([name]) => name).sort()).toEqual(['getImport', 'importArticles', 'listImports']);
    for (const [name, operation] of importing) expect(await operation(inputFor(name)), name).toMatchObject({ ok: false, status: 403 });
    const refused = await getDb().auditEvent.findMany({ where: { actorId: editor, action: 'articles.import', status: 403 } });
    expect(refused).toHaveLength(1);
    expect(
      Object.entries(permissions)
        .filter(([, allows]) => allows('IMPORTER'))
        .map(([name]) => name),
    ).toEqual(['importArticles', 'useApiTokens', 'manageOwnAccount']);
  });

  it('for an importer trying the overview, the queue, presence, the live feed, saved views, the export and the record: 403, refusals of audited operations audited', async () => {
    const importer = (await createUser(getDb(), { email: 'importer@test.example', role: 'IMPORTER', password: 'importer password 1' })).id;
    signInAs(importer);
    const before = await snapshot();
    const names = [
      'getOverview',
      'countMyQueue',
      'markVisit',
      'skipQueued',
      'beatPresence',
      'leaveArticle',
      'readDeskEvents',
      'listMyViews',
      'saveMyView',
      'deleteMyView',
      'exportArticles',
      'getArticleDetails',
    ];
    for (const name of names) {
      const operation = everyOperation.find(([candidate]) => candidate === name)?.[1];
      expect(operation, name).toBeDefined();
      expect(await operation!(inputFor(name)), name).toMatchObject({ ok: false, status: 403 });
    }
    expect(await snapshot()).toEqual(before);
    const refused = await getDb().auditEvent.findMany({ where: { actorId: importer, outcome: 'refused', status: 403 } });
    expect(refused.map((event) => event.action).sort()).toEqual(['article.skip', 'articles.export', 'view.delete', 'view.save']);
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
      [{ id: ids.seed, version: 1 }, /change published, quality, publishAt or unpublishAt/],
      [{ id: ids.seed, version: 1, published: true, title: 'x'.repeat(100_000) }, /Unrecognized key/i],
      ['not an object', /expected object/i],
      [null, /expected object/i],
    ];
    for (const [input, message] of cases) {
      const result = await editArticle(input);
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
    expect(await editArticle({ id: 999_999, version: 1, published: true })).toMatchObject({ ok: false, status: 404 });
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
    const result = await editArticle({ id: ids.legacy, version: before.version, published: true, quality: 321 });
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
    const stale = await editArticle({ id: ids.legacy, version: version - 1, published: false });
    expect(stale).toMatchObject({ ok: false, status: 409, current: { id: ids.legacy, published: true, version } });
    expect((await article(ids.legacy)).published).toBe(true);
  });

  it('let exactly one of two simultaneous edits win', async () => {
    signInAs(editor);
    const { version, published } = await article(ids.minimal);
    const changesBefore = await getDb().articleChange.count({ where: { articleId: ids.minimal } });
    const results = await Promise.all([
      editArticle({ id: ids.minimal, version, published: !published }),
      editArticle({ id: ids.minimal, version, quality: 5 }),
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

describe('the audit trail', () => {
  it('records each change with its actor, target and channel, in the change’s own transaction', async () => {
    signInAs(editor);
    const { version } = await article(ids.legacy);
    const result = await editArticle({ id: ids.legacy, version, quality: 123 });
    expect(result.ok).toBe(true);
    const [event] = await getDb().auditEvent.findMany({ where: { action: 'article.edit' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({
      actorId: editor,
      targetType: 'article',
      targetId: String(ids.legacy),
      outcome: 'ok',
      status: 200,
      via: 'desk',
    });
    const stale = await editArticle({ id: ids.legacy, version, quality: 124 });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    const [refused] = await getDb().auditEvent.findMany({ where: { action: 'article.edit' }, orderBy: { id: 'desc' }, take: 1 });
    expect(refused).toMatchObject({ outcome: 'refused', status: 409, targetId: String(ids.legacy) });
  });

  it.runIf(testDatabaseEngine() === 'sqlite')('rolls the change and its audit event back together when the transaction fails', async () => {
    signInAs(editor);
    const before = await article(ids.minimal);
    const okEvents = () => getDb().auditEvent.count({ where: { action: 'article.edit', outcome: 'ok' } });
    const okBefore = await okEvents();
    const db = getDb();
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_change" BEFORE INSERT ON "ArticleChange" WHEN NEW."newValue" = '777' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
    try {
      await expect(editArticle({ id: ids.minimal, version: before.version, quality: 777 })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER "refuse_change"');
    }
    expect(await article(ids.minimal)).toEqual(before);
    expect(await okEvents()).toBe(okBefore);
    const [failed] = await db.auditEvent.findMany({ where: { action: 'article.edit' }, orderBy: { id: 'desc' }, take: 1 });
    expect(failed).toMatchObject({ outcome: 'failed', status: 500, targetId: String(ids.minimal) });
  });
});

describe('editors win over re-seeding, whichever desk path set the value', () => {
  it('single edit, bulk and undo all stamp the provenance the seeder honours', async () => {
    signInAs(editor);
    const { version } = await article(ids.seed);
    expect(await editArticle({ id: ids.seed, version, quality: 10 })).toMatchObject({ ok: true });
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
    await editArticle({ id: republished.id, version, quality: 77 });
    await editArticle({ id: republished.id, version: version + 1, published: true });
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
    const first = await editArticle({ id: ids.minimal, version, quality: 400 });
    const second = await editArticle({ id: ids.minimal, version: version + 1, quality: 500 });
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

describe('the overview queue', () => {
  it('skips an unpublished article for the whole team, audited; refuses a published one', async () => {
    signInAs(editor);
    const { version, published } = await article(ids.minimal);
    if (published) expect(await editArticle({ id: ids.minimal, version, published: false })).toMatchObject({ ok: true });
    const target = ids.minimal;
    const result = await skipQueued({ id: target });
    expect(result).toMatchObject({ ok: true, data: { id: target } });
    const [event] = await getDb().auditEvent.findMany({ where: { action: 'article.skip' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ actorId: editor, targetType: 'article', targetId: String(target), outcome: 'ok' });
    expect(await getDb().queueSkip.findUnique({ where: { articleId: target } })).toMatchObject({ userId: editor });
    const live = await getDb().article.findFirstOrThrow({ where: { published: true } });
    expect(await skipQueued({ id: live.id })).toMatchObject({ ok: false, status: 409 });
    expect(await skipQueued({ id: 'x' })).toMatchObject({ ok: false, status: 400 });
  });

  it('feeds the live view from the audit trail, after the id it last saw', async () => {
    signInAs(editor);
    const start = await readDeskEvents({});
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    const { version } = await article(ids.seed);
    expect(await editArticle({ id: ids.seed, version, quality: 42 })).toMatchObject({ ok: true });
    const next = await readDeskEvents({ after: start.data.lastId });
    expect(next.ok && next.data.events.map((event) => [event.action, event.targetId])).toEqual([['article.edit', String(ids.seed)]]);
    expect(await readDeskEvents({ after: -1 })).toMatchObject({ ok: false, status: 400 });
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
