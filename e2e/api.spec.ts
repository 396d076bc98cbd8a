import { readFileSync } from 'node:fs';
import { articleIdByTitle, withDatabase } from './support/database';
import { expect, test } from './support/test';
import { createTestUser, setDisabled, signIn, signInRequest, type TestUser } from './support/users';

const FERRY = 'Desk fixture: ferry timetable changes for winter';

let editor: TestUser;
let token: string;

async function snapshot() {
  return withDatabase(async (sql) => ({
    articles: await sql.query(`SELECT "id", "published", "quality", "version" FROM "Article" ORDER BY "id"`),
    changes: await sql.query(`SELECT COUNT(*) AS n FROM "ArticleChange"`),
    users: await sql.query(`SELECT "email", "role", "disabledAt" FROM "User" ORDER BY "email"`),
  }));
}

test.beforeAll(async ({ browser }) => {
  editor = await createTestUser('EDITOR', 'api');
  const page = await browser.newPage();
  await signIn(page, editor);
  await page.goto('/desk/tokens');
  await page.getByLabel('Token name').fill('e2e script');
  await page.getByRole('button', { name: 'Create token' }).click();
  token = (await page.locator('code.token').innerText()).trim();
  await page.close();
});

const bearer = () => ({ Authorization: `Bearer ${token}` });

test('the API refuses callers without credentials or with bad ones', async ({ request }) => {
  const before = await snapshot();
  const none = await request.get('/api/desk/articles');
  expect(none.status()).toBe(401);
  expect(none.headers()['www-authenticate']).toContain('Bearer');
  expect((await request.get('/api/desk/articles', { headers: { Authorization: 'Bearer nd_not-a-real-token' } })).status()).toBe(401);
  expect((await request.get('/api/desk/articles', { headers: { Authorization: 'Basic abc' } })).status()).toBe(401);
  const id = await articleIdByTitle(FERRY);
  expect((await request.patch(`/api/desk/articles/${id}`, { data: { published: false, version: 1 } })).status()).toBe(401);
  expect((await request.post('/api/desk/articles/bulk', { data: { selection: { filter: {} }, published: false } })).status()).toBe(401);
  expect(await snapshot()).toEqual(before);
});

test('with a token: list, read with history, edit with the version seen, bulk', async ({ request }) => {
  const list = await request.get('/api/desk/articles?status=published&sort=quality&dir=desc&pageSize=10', { headers: bearer() });
  expect(list.status()).toBe(200);
  const page = await list.json();
  expect(page).toMatchObject({ page: 1, pageSize: 10 });
  expect(page.rows).toHaveLength(10);
  expect(page.rows.every((row: { published: boolean }) => row.published)).toBe(true);

  const id = await articleIdByTitle(FERRY);
  const article = await (await request.get(`/api/desk/articles/${id}`, { headers: bearer() })).json();
  expect(article).toMatchObject({ id, title: FERRY, history: expect.any(Array) });

  const stale = await request.patch(`/api/desk/articles/${id}`, { headers: bearer(), data: { quality: 11, version: article.version + 5 } });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({
    error: expect.stringContaining('Someone changed this article'),
    current: { id, version: article.version },
  });

  const invalid = await request.patch(`/api/desk/articles/${id}`, {
    headers: bearer(),
    data: { quality: 2.5, published: 'no', version: article.version },
  });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['published', 'quality']);
  const notJson = await request.patch(`/api/desk/articles/${id}`, {
    headers: { ...bearer(), 'Content-Type': 'application/json' },
    data: '{oops',
  });
  expect(notJson.status()).toBe(400);
  expect((await request.patch('/api/desk/articles/99999999', { headers: bearer(), data: { quality: 1, version: 1 } })).status()).toBe(404);
  expect((await request.get('/api/desk/articles/abc', { headers: bearer() })).status()).toBe(400);

  const ok = await request.patch(`/api/desk/articles/${id}`, { headers: bearer(), data: { quality: 11, version: article.version } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ quality: 11, version: article.version + 1 });
  const history = await (await request.get(`/api/desk/articles/${id}`, { headers: bearer() })).json();
  expect(history.history[0]).toMatchObject({ field: 'quality', newValue: 11, via: 'api', user: { email: editor.email } });

  const bulk = await request.post('/api/desk/articles/bulk', {
    headers: bearer(),
    data: { selection: { articles: [{ id, version: article.version + 1 }] }, quality: 12 },
  });
  expect(bulk.status()).toBe(200);
  const outcome = await bulk.json();
  expect(outcome).toMatchObject({ matched: 1, changed: 1, batchId: expect.any(String) });
  expect((await request.post(`/api/desk/batches/${outcome.batchId}/undo`, { headers: bearer() })).status()).toBe(200);
});

test('the session cookie works too, and a disabled user’s token stops working', async ({ request }) => {
  const other = await createTestUser('EDITOR', 'cookie');
  await signInRequest(request, other);
  expect((await request.get('/api/desk/articles?pageSize=10')).status()).toBe(200);
  await setDisabled(editor, true);
  expect((await request.get('/api/desk/articles', { headers: bearer() })).status()).toBe(401);
  await setDisabled(editor, false);
  expect((await request.get('/api/desk/articles', { headers: bearer() })).status()).toBe(200);
});

test('server actions, POSTed over HTTP without a session, change nothing', async ({ request }) => {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const action = (name: string) => Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  const id = await articleIdByTitle(FERRY);
  const before = await snapshot();
  for (const [name, input] of [
    ['editArticleAction', { id, version: 1, published: false }],
    ['bulkEditAction', { selection: { filter: {} }, published: false }],
    ['addUserAction', { email: 'intruder@e2e.test', role: 'ADMIN', password: 'a long password here' }],
  ] as const) {
    const actionId = action(name);
    expect(actionId, name).toBeDefined();
    const response = await request.post('/desk', {
      headers: {
        'Next-Action': actionId!,
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: new URL(test.info().project.use.baseURL!).origin,
      },
      data: JSON.stringify([input]),
      maxRedirects: 0,
    });
    const body = await response.text();
    expect(body, name).not.toMatch(/"ok":true/);
    expect(body, name).toMatch(/"status":401/);
  }
  expect(await snapshot()).toEqual(before);
});
