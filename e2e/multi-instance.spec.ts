/**
 * Two app servers (scripts/serve-next.mjs, as `npm start` runs it) on
 * different ports sharing one database (the e2e server is the first): an edit made through one shows on the other
 * within seconds, sessions work on both, and login rate limits are shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { E2E_PORT, E2E_SECRET, e2eDatabaseUrl } from './e2e-database';
import { articleIdByTitle } from './support/database';
import { expect, test } from './support/test';
import { createTestUser, signInRequest } from './support/users';

const TRAM = 'Desk fixture: tram line extension opens';
const ECLIPSE = 'Schedule fixture: eclipse path announced';
const SECOND_PORT = E2E_PORT + 1;
const second = `http://127.0.0.1:${SECOND_PORT}`;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['scripts/serve-next.mjs'], {
    env: {
      ...process.env,
      PORT: String(SECOND_PORT),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_URL: e2eDatabaseUrl(),
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: second,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${second}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
});

test('an edit through one instance shows on the other within seconds; one session works on both', async ({ request, baseURL }) => {
  const editor = await createTestUser('EDITOR', 'instances');
  await signInRequest(request, editor);
  const id = await articleIdByTitle(TRAM);
  // Both instances have the story page cached.
  for (const origin of [baseURL, second]) {
    expect((await request.get(`${origin}/articles/${id}`)).status()).toBe(200);
    expect((await request.get(`${origin}/articles/${id}`)).status()).toBe(200);
  }
  const article = await (await request.get(`${baseURL}/api/desk/articles/${id}`)).json();
  expect(
    (await request.patch(`${baseURL}/api/desk/articles/${id}`, { data: { published: false, version: article.version } })).status(),
  ).toBe(200);
  const started = Date.now();
  await expect.poll(async () => (await request.get(`${second}/articles/${id}`)).status(), { timeout: 5_000, intervals: [100] }).toBe(404);
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'propagation', description: `${seconds.toFixed(2)} s` });
  expect(seconds).toBeLessThan(3);

  // The same session cookie is accepted by the second instance, and its edit reaches the first.
  const again = await (await request.get(`${second}/api/desk/articles/${id}`)).json();
  expect((await request.patch(`${second}/api/desk/articles/${id}`, { data: { published: true, version: again.version } })).status()).toBe(
    200,
  );
  await expect.poll(async () => (await request.get(`${baseURL}/articles/${id}`)).status(), { timeout: 5_000, intervals: [100] }).toBe(200);
});

test('a scheduled story goes live and comes down on both instances at its boundaries, not before', async ({ request, baseURL }) => {
  const editor = await createTestUser('EDITOR', 'schedule-instances');
  await signInRequest(request, editor);
  const id = await articleIdByTitle(ECLIPSE);
  for (const origin of [baseURL, second]) expect((await request.get(`${origin}/articles/${id}`)).status()).toBe(200);
  const article = await (await request.get(`${baseURL}/api/desk/articles/${id}`)).json();
  const goesLive = Date.now() + 4_000;
  const comesDown = goesLive + 3_000;
  const patched = await request.patch(`${baseURL}/api/desk/articles/${id}`, {
    data: { version: article.version, publishAt: new Date(goesLive).toISOString(), unpublishAt: new Date(comesDown).toISOString() },
  });
  expect(patched.status()).toBe(200);
  const status = (origin: string | undefined) => async () => (await request.get(`${origin}/articles/${id}`)).status();
  for (const origin of [baseURL, second]) {
    await expect.poll(status(origin), { timeout: 3_000, intervals: [100] }).toBe(404);
  }
  for (const origin of [baseURL, second]) {
    await expect.poll(status(origin), { timeout: 8_000, intervals: [100] }).toBe(200);
    expect(Date.now(), 'not early').toBeGreaterThanOrEqual(goesLive);
  }
  for (const origin of [baseURL, second]) {
    await expect.poll(status(origin), { timeout: 8_000, intervals: [100] }).toBe(404);
    expect(Date.now(), 'not early').toBeGreaterThanOrEqual(comesDown);
  }
  const late = Date.now() - comesDown;
  test.info().annotations.push({ type: 'boundary lag', description: `${late} ms after unpublishAt` });
  expect(late).toBeLessThan(2_000);
  // Leave the fixture as the other tests expect it: on the river, unscheduled.
  const after = await (await request.get(`${baseURL}/api/desk/articles/${id}`)).json();
  expect(
    (
      await request.patch(`${baseURL}/api/desk/articles/${id}`, { data: { version: after.version, publishAt: null, unpublishAt: null } })
    ).status(),
  ).toBe(200);
});

test('failed sign-ins on one instance count on the other', async ({ playwright, baseURL }) => {
  const target = await createTestUser('EDITOR', 'limited');
  const attempt = async (origin: string, password: string) => {
    const context = await playwright.request.newContext({ baseURL: origin });
    const { csrfToken } = await (await context.get('/api/auth/csrf')).json();
    const response = await context.post('/api/auth/callback/credentials', {
      form: { email: target.email, password, csrfToken, json: 'true' },
    });
    const body = await response.json();
    await context.dispose();
    return { status: response.status(), url: decodeURIComponent(String(body.url ?? '')) };
  };
  for (let i = 0; i < 5; i++) expect((await attempt(baseURL!, `wrong ${i}`)).url).toContain('Wrong email or password.');
  const blocked = await attempt(second, target.password);
  expect(blocked.status).toBe(401);
  expect(blocked.url).toContain('Too many failed sign-ins');
});
