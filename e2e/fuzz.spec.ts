/**
 * Hostile input on every route: reader pages, feeds, the desk and the API,
 * anonymous and signed in as an admin, with path segments, query strings and
 * bodies from a list of values that have broken web apps before. Nothing may
 * answer 5xx, and the server may log no error while it happens
 * (.e2e/server.log, written by e2e/serve.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { withDatabase } from './support/database';
import { expect, test } from './support/test';
import { createTestUser, signInRequest } from './support/users';

const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Already in URL form: percent-encodings are sent as they are, broken ones included. */
const SEGMENTS = [
  '%25',
  '%',
  '%FF',
  '%C0%AF',
  '%E0%A4%A',
  '%00',
  '%F0%9F%92%A9',
  '1e300',
  '-1',
  '0',
  '2147483648',
  '99999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '..%2F..%2Fetc%2Fpasswd',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%201=1--",
  'null',
  '%5B%5D',
  'a'.repeat(3000),
  cursor(['latest', 1e300, 1]),
  cursor(['latest', 1_600_000_000_000, 1e20]),
  cursor(['top', 1, 99_999_999_999, 1]),
  cursor(['trending', -1e308, 5]),
  '2026-02-30',
  '99999-01-01',
];

const QUERY_NAMES = ['q', 'page', 'cursor', 'day', 'callbackUrl', 'error', 'status', 'sort', 'dir', 'topic', 'source', 'from', 'to'];
const MORE_QUERY_NAMES = ['qualityMin', 'qualityMax', 'pageSize', 'id', 'strip'];

const READER = [
  '/',
  '/latest',
  '/trending',
  '/about',
  '/topics',
  '/search',
  '/digest',
  '/signin',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/robots.txt',
  '/digest/rss.xml',
  '/digest/atom.xml',
  '/digest/feed.json',
];
const READER_WITH = [
  '/top/after/{}',
  '/latest/after/{}',
  '/trending/after/{}',
  '/{}/after/{}',
  '/articles/{}',
  '/topics/{}',
  '/topics/{}/after/{}',
  '/topics/{}/rss.xml',
  '/topics/{}/atom.xml',
  '/topics/{}/feed.json',
  '/sources/{}',
  '/sources/{}/after/{}',
  '/sources/{}/rss.xml',
  '/sources/{}/atom.xml',
  '/sources/{}/feed.json',
  '/digest/{}',
  '/digest/{}/email',
  '/digest/{}/email.txt',
  '/sitemaps/{}',
];
const DESK = ['/desk', '/desk/import', '/desk/digest', '/desk/users', '/desk/tokens', '/api/desk/articles', '/api/desk/imports'];
const DESK_WITH = ['/desk/articles/{}', '/desk/import/{}', '/api/desk/articles/{}', '/api/desk/imports/{}'];
const API_OTHER = ['/api/health', '/api/desk/openapi.json', '/api/auth/session', '/api/auth/providers', '/api/auth/csrf'];
const API_OTHER_WITH = ['/api/auth/signin/{}', '/api/auth/callback/{}', '/api/auth/error?error={}'];

const BODIES: Array<string | Buffer> = [
  '',
  '{}',
  '[]',
  'null',
  '"x"',
  '{',
  '{"version":1e300,"published":"yes","quality":-1e308}',
  '{"version":1,"publishAt":"99999-01-01T00:00:00Z","unpublishAt":"not a date"}',
  '{"ids":[1e300,-1,99999999999],"set":{"published":true}}',
  '{"ids":[],"set":{}}',
  '{"__proto__":{"role":"ADMIN"},"constructor":{"prototype":{"x":1}}}',
  '['.repeat(20_000),
  `{"q":"${'a'.repeat(100_000)}"}`,
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
];

const fill = (template: string, value: string) => template.replaceAll('{}', value);

function urlsFor(plain: string[], templated: string[]): string[] {
  const urls = [...plain];
  for (const template of templated) for (const value of SEGMENTS) urls.push(fill(template, value));
  for (const path of plain) {
    for (const value of SEGMENTS.slice(0, 12)) {
      urls.push(`${path}?${[...QUERY_NAMES, ...MORE_QUERY_NAMES].map((name) => `${name}=${value}`).join('&')}`);
    }
    urls.push(`${path}?q=${'x'.repeat(7_000)}`);
    urls.push(`${path}?${Array.from({ length: 500 }, (_, i) => `p${i}=%FF`).join('&')}`);
  }
  return urls;
}

async function hitAll(request: APIRequestContext, calls: Array<() => Promise<{ url: string; status: number }>>) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      const { url, status } = await call();
      if (status >= 500 || status === 0) failures.push(`${status || 'no answer'} ${url.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  void request;
  return failures;
}

/**
 * A request's status. A connection reset is tried once more: a server that
 * answers before reading a body may close a kept-alive connection just as the
 * client reuses it. A second reset counts as a failure (status 0).
 */
async function statusOf(send: () => Promise<{ status(): number }>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await send()).status();
    } catch (error) {
      if (attempt === 2 || !/ECONNRESET|socket hang up/.test(String(error))) return 0;
    }
  }
}

function get(request: APIRequestContext, url: string) {
  return async () => ({ url: `GET ${url}`, status: await statusOf(() => request.get(url, { maxRedirects: 0 })) });
}

function send(request: APIRequestContext, method: 'POST' | 'PATCH', url: string, body: string | Buffer, contentType = 'application/json') {
  return async () => ({
    url: `${method} ${url} ${String(body).slice(0, 40)}`,
    status: await statusOf(() => request.fetch(url, { method, data: body, headers: { 'Content-Type': contentType }, maxRedirects: 0 })),
  });
}

test.describe.configure({ timeout: 600_000 });

test('no hostile input reaches a 500, and the server logs no error', async ({ request, playwright, baseURL }) => {
  const logStart = statSync('.e2e/server.log').size;
  const admin = await createTestUser('ADMIN', 'fuzz');
  const signedIn = await playwright.request.newContext({ baseURL });
  await signInRequest(signedIn, admin);
  const before = await withDatabase((sql) => sql.query(`SELECT "id", "published", "quality", "version" FROM "Article" ORDER BY "id"`));

  const calls = [
    ...urlsFor(READER, READER_WITH).map((url) => get(request, url)),
    ...urlsFor(API_OTHER, API_OTHER_WITH).map((url) => get(request, url)),
    ...urlsFor(DESK, DESK_WITH).map((url) => get(signedIn, url)),
    ...urlsFor(DESK, DESK_WITH).map((url) => get(request, url)),
  ];
  for (const context of [signedIn, request]) {
    for (const body of BODIES) {
      for (const value of ['1', ...SEGMENTS.slice(0, 16)]) {
        calls.push(send(context, 'PATCH', `/api/desk/articles/${value}`, body));
        calls.push(send(context, 'POST', `/api/desk/changes/${value}/undo`, body));
        calls.push(send(context, 'POST', `/api/desk/batches/${value}/undo`, body));
      }
      calls.push(send(context, 'POST', '/api/desk/articles/bulk', body));
      calls.push(send(context, 'POST', '/api/desk/imports', body, 'application/gzip'));
      calls.push(send(context, 'POST', '/api/desk/imports', body, 'application/zip'));
      calls.push(send(context, 'POST', '/api/desk/imports?strip=1e300', body, 'multipart/form-data; boundary=x'));
      calls.push(send(context, 'POST', '/api/auth/callback/credentials', body, 'application/x-www-form-urlencoded'));
    }
  }
  const failures = await hitAll(request, calls);
  test.info().annotations.push({ type: 'requests', description: String(calls.length) });
  expect(failures).toEqual([]);

  // The hostile calls changed nothing.
  const after = await withDatabase((sql) => sql.query(`SELECT "id", "published", "quality", "version" FROM "Article" ORDER BY "id"`));
  expect(after).toEqual(before);
  // Give the server a moment to write out anything it logs late.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const logged = readFileSync('.e2e/server.log').subarray(logStart).toString('utf8');
  const errors = logged.split('\n').filter((line) => /⨯|error|unhandled|exception/i.test(line));
  expect(errors).toEqual([]);
  await signedIn.dispose();
  await withDatabase((sql) => sql.query('DELETE FROM "RateLimitCounter"'));
});
