/**
 * GitHub sign-in links accounts explicitly. GitHub's three HTTP endpoints
 * (authorize, access token, user) are a mock on loopback; everything else is
 * real: a second app server (scripts/serve-next.mjs) configured for GitHub
 * against that mock, next-auth's OAuth flow with its CSRF and state checks,
 * and the e2e database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { E2E_PORT, E2E_SECRET, e2eDatabaseUrl } from './e2e-database';
import { withDatabase } from './support/database';
import { expect, test } from './support/test';
import { createTestUser, signInRequest } from './support/users';

const APP_PORT = E2E_PORT + 2;
const GITHUB_PORT = E2E_PORT + 3;
const app = `http://127.0.0.1:${APP_PORT}`;
const github = `http://127.0.0.1:${GITHUB_PORT}`;

/** Who the mock GitHub says is signed in, and what it was asked. */
const githubUser: { id: number; login: string; email: string | null } = { id: 1001, login: 'octo', email: null };
const githubCalls: string[] = [];
let mock: http.Server;
let server: ChildProcess;

test.beforeAll(async () => {
  mock = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', github);
    githubCalls.push(`${request.method} ${url.pathname}`);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (url.pathname === '/login/oauth/authorize') {
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', `code-${githubUser.id}`);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        response.writeHead(302, { Location: back.toString() }).end();
      } else if (url.pathname === '/login/oauth/access_token' && request.method === 'POST') {
        const code = new URLSearchParams(body).get('code') ?? '';
        const credentials = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        if (!code.startsWith('code-') || credentials !== 'e2e-client:e2e-secret') {
          response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"bad_verification_code"}');
          return;
        }
        response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ access_token: `token-${code.slice(5)}`, token_type: 'bearer', scope: 'read:user' }));
      } else if (url.pathname === '/api/v3/user' && request.headers.authorization === `Bearer token-${githubUser.id}`) {
        response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: githubUser.id, login: githubUser.login, name: null, email: githubUser.email, avatar_url: null }));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => mock.listen(GITHUB_PORT, '127.0.0.1', resolve));
  server = spawn(process.execPath, ['scripts/serve-next.mjs'], {
    env: {
      ...process.env,
      PORT: String(APP_PORT),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_URL: e2eDatabaseUrl(),
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: app,
      NEXT_TELEMETRY_DISABLED: '1',
      GITHUB_ID: 'e2e-client',
      GITHUB_SECRET: 'e2e-secret',
      GITHUB_URL: github,
      GITHUB_API_URL: `${github}/api/v3`,
    },
    stdio: 'ignore',
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${app}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => mock?.close(resolve));
});

/** next-auth's GitHub flow, one redirect at a time: answers where it finally sends the browser. */
async function githubSignIn(context: APIRequestContext, callbackUrl: string): Promise<string> {
  const { csrfToken } = await (await context.get('/api/auth/csrf')).json();
  const started = await context.post('/api/auth/signin/github', { form: { csrfToken, callbackUrl, json: 'true' } });
  const authorize = (await started.json()).url as string;
  expect(authorize.startsWith(`${github}/login/oauth/authorize`)).toBe(true);
  const fromGitHub = await context.get(authorize, { maxRedirects: 0 });
  expect(fromGitHub.status()).toBe(302);
  const callback = await context.get(fromGitHub.headers().location!, { maxRedirects: 0 });
  expect(callback.status()).toBe(302);
  return new URL(callback.headers().location!, app).toString();
}

async function sessionEmail(context: APIRequestContext): Promise<string | null> {
  return ((await (await context.get('/api/auth/session')).json()) as { user?: { email?: string } }).user?.email ?? null;
}

test('an unlinked GitHub account is refused with a clear message, even one whose email matches a user', async ({ playwright }) => {
  const editor = await createTestUser('EDITOR', 'unlinked');
  Object.assign(githubUser, { id: 2002, login: 'stranger', email: editor.email });
  const context = await playwright.request.newContext({ baseURL: app });
  const landed = await githubSignIn(context, '/desk');
  expect(new URL(landed).pathname).toBe('/signin');
  expect(new URL(landed).searchParams.get('error')).toBe('GitHubNotLinked');
  expect(await sessionEmail(context)).toBeNull();
  expect((await context.get('/api/desk/articles')).status()).toBe(401);
  expect(await (await context.get(landed)).text()).toContain('This GitHub account is not connected to a desk account.');
  await context.dispose();
});

test('a signed-in user connects GitHub from /account; then GitHub signs them in, by account id alone', async ({ playwright }) => {
  const editor = await createTestUser('EDITOR', 'linked');
  Object.assign(githubUser, { id: 1001, login: 'octo', email: null });
  githubCalls.length = 0;

  const desk = await playwright.request.newContext({ baseURL: app });
  await signInRequest(desk, editor);
  const connected = await githubSignIn(desk, '/account?github=connect');
  expect(new URL(connected).pathname + new URL(connected).search).toBe('/account?github=connected');
  // Still the same session, now with GitHub connected.
  expect(await sessionEmail(desk)).toBe(editor.email);
  expect(await (await desk.get('/account')).text()).toMatch(/Connected to GitHub account id (<!-- -->)?1001/);
  const stored = await withDatabase((sql) =>
    sql.query<{ githubId: string }>(`SELECT "githubId" FROM "User" WHERE "id" = ${sql.placeholder(1)}`, [editor.id]),
  );
  expect(stored[0]?.githubId).toBe('1001');
  // The app server, not the test, exchanged the code and read the user.
  expect(githubCalls).toEqual(expect.arrayContaining(['POST /login/oauth/access_token', 'GET /api/v3/user']));

  const laptop = await playwright.request.newContext({ baseURL: app });
  const landed = await githubSignIn(laptop, '/desk');
  expect(new URL(landed).pathname).toBe('/desk');
  expect(await sessionEmail(laptop)).toBe(editor.email);
  expect((await laptop.get('/api/desk/articles')).status()).toBe(200);

  // Another desk user cannot take the same GitHub account.
  const other = await createTestUser('EDITOR', 'taker');
  const taker = await playwright.request.newContext({ baseURL: app });
  await signInRequest(taker, other);
  expect(new URL(await githubSignIn(taker, '/account?github=connect')).search).toBe('?github=taken');

  await Promise.all([desk.dispose(), laptop.dispose(), taker.dispose()]);
});
