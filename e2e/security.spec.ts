/**
 * The security edges of docs/security.md, over real HTTP against the
 * production build (served by scripts/serve-next.mjs, as `npm start` does).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { PlaywrightWorkerArgs } from '@playwright/test';
import { withDatabase } from './support/database';
import type { Page } from '@playwright/test';
import { expect, test, waitForHydration } from './support/test';
import { createTestToken, createTestUser, signIn, signInRequest, type TestUser } from './support/users';

const WRONG = 'Wrong email or password.';
const LIMITED = 'Too many failed sign-ins';

/** One sign-in attempt in a context of its own; answers the message next-auth redirects with. */
async function attempt(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  user: TestUser,
  password: string,
  headers: Record<string, string> = {},
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  try {
    const { csrfToken } = await (await context.get('/api/auth/csrf')).json();
    const response = await context.post('/api/auth/callback/credentials', {
      form: { email: user.email, password, csrfToken, json: 'true' },
    });
    const body = await response.json();
    return decodeURIComponent(String(body.url ?? ''));
  } finally {
    await context.dispose();
  }
}

/** Sign-in counters must not leak into other specs (they all come from 127.0.0.1). */
async function clearCounters() {
  await withDatabase((sql) => sql.query('DELETE FROM "RateLimitCounter"'));
}

test.describe('sign-in limits', () => {
  test.afterEach(clearCounters);

  test('a new X-Forwarded-For or X-Real-IP on each try does not make a new client', async ({ playwright, baseURL }) => {
    const target = await createTestUser('EDITOR', 'spoofed');
    for (let i = 0; i < 5; i++) {
      const forged = { 'X-Forwarded-For': `203.0.113.${i}`, 'X-Real-IP': `198.51.100.${i}`, 'X-Newsdesk-Socket-Address': `192.0.2.${i}` };
      expect(await attempt(playwright, baseURL!, target, `wrong ${i}`, forged)).toContain(WRONG);
    }
    const last = { 'X-Forwarded-For': '203.0.113.99', 'X-Real-IP': '198.51.100.99', 'X-Newsdesk-Socket-Address': '192.0.2.99' };
    expect(await attempt(playwright, baseURL!, target, target.password, last)).toContain(LIMITED);
  });

  test('50 parallel wrong passwords get the password checked no more than the limit', async ({ playwright, baseURL }) => {
    const target = await createTestUser('EDITOR', 'burst');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(playwright, baseURL!, target, `guess ${i}`)));
    const checked = answers.filter((answer) => answer.includes(WRONG)).length;
    expect(checked).toBe(5);
    expect(answers.filter((answer) => answer.includes(LIMITED))).toHaveLength(45);
  });
});

test.describe('request edges', () => {
  test('after signing in, a callbackUrl that leaves the site lands on the desk instead', async ({ page, baseURL }) => {
    const editor = await createTestUser('EDITOR', 'redirect');
    for (const callbackUrl of ['/\\evil.example', '/%09/evil.example', '//evil.example', 'https://evil.example/']) {
      await page.context().clearCookies();
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email').fill(editor.email);
      await page.getByLabel('Password').fill(editor.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      expect(new URL(page.url()).origin, callbackUrl).toBe(baseURL);
      expect(new URL(page.url()).pathname).toBe('/desk');
      // Signed in already: the sign-in page sends you on, to the same safe place.
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page).toHaveURL(/\/desk$/);
    }
    // next-auth's own redirect after a credentials callback obeys the same rule.
    const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
    const response = await page.request.post('/api/auth/callback/credentials', {
      form: { email: editor.email, password: editor.password, csrfToken, json: 'true', callbackUrl: 'https://evil.example/x' },
    });
    expect(new URL((await response.json()).url).host).not.toBe('evil.example');
  });

  test('cookie-authenticated changes from another site are refused; token calls are not', async ({ request, baseURL }) => {
    const editor = await createTestUser('EDITOR', 'csrf');
    await signInRequest(request, editor);
    const body = { ids: [1], set: { published: true } };
    const crossSite = await request.post('/api/desk/articles/bulk', {
      data: body,
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error).toBe('Cross-site request refused.');
    const sameSite = await request.post('/api/desk/articles/bulk', {
      data: { nonsense: true },
      headers: { Origin: baseURL!, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameSite.status()).toBe(400);
    const token = await createTestToken(editor);
    const withToken = await request.post('/api/desk/articles/bulk', {
      data: { nonsense: true },
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${token}` },
    });
    expect(withToken.status()).toBe(400);
  });

  test('request bodies: the caller is known before any is read, and reading stops past the limit', async ({ baseURL }) => {
    const editor = await createTestUser('EDITOR', 'bodies');
    const token = await createTestToken(editor);
    // Anonymous, declaring 5 GB: refused at once, nothing read.
    expect(await rawPost(baseURL!, '/api/desk/articles/bulk', { 'Content-Length': '5000000000' })).toBe(401);
    // Known caller, declaring 5 GB: 413 without reading it.
    expect(await rawPost(baseURL!, '/api/desk/articles/bulk', { 'Content-Length': '5000000000', Authorization: `Bearer ${token}` })).toBe(
      413,
    );
    // Known caller, no length, streaming past the limit: 413 once the limit is passed.
    expect(await rawPost(baseURL!, '/api/desk/articles/bulk', { Authorization: `Bearer ${token}` }, 3_000_000)).toBe(413);
    // Uploads the same way, against their own (much larger) limit.
    const importer = await createTestToken(await createTestUser('IMPORTER', 'bodies'));
    const gzip = { 'Content-Type': 'application/gzip' };
    expect(await rawPost(baseURL!, '/api/desk/imports', { ...gzip, 'Content-Length': '5000000000' })).toBe(401);
    expect(
      await rawPost(baseURL!, '/api/desk/imports', { ...gzip, 'Content-Length': '5000000000', Authorization: `Bearer ${token}` }),
    ).toBe(403);
    expect(
      await rawPost(baseURL!, '/api/desk/imports', { ...gzip, 'Content-Length': '5000000000', Authorization: `Bearer ${importer}` }),
    ).toBe(413);
  });

  test('/api/health tells anyone up or down and the latency, nothing about the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['latencyMs', 'status']);
    expect(body.status).toBe('ok');
    expect(typeof body.latencyMs).toBe('number');
  });
});

/**
 * A POST over a raw socket: the headers, then (if `streamBytes`) that many bytes of JSON-ish body
 * in chunks with no Content-Length. Answers the status, without waiting for the body to be sent.
 */
function rawPost(baseURL: string, path: string, headers: Record<string, string>, streamBytes = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } });
    request.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.flushHeaders();
    if (streamBytes > 0) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < streamBytes && !request.destroyed) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (!request.destroyed) request.end();
      };
      pump();
    }
  });
}

test.describe('security headers', () => {
  /** Visits each path, hydrated, collecting every CSP violation the browser reports. */
  async function visit(page: Page, paths: string[]) {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const policy = response?.headers()['content-security-policy'] ?? '';
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("object-src 'none'");
      // Served over http here: no HSTS.
      expect(response?.headers()['strict-transport-security'], path).toBeUndefined();
      await waitForHydration(page);
    }
    return violations;
  }

  test('reader pages: a policy on every page, and they work under it', async ({ page }) => {
    const story = await page.request.get('/latest');
    expect(story.ok()).toBe(true);
    const violations = await visit(page, ['/', '/latest', '/trending', '/topics', '/about', '/search?q=tram', '/digest']);
    // An article page, found from the river.
    await page.goto('/latest');
    await page.locator('main a[href^="/articles/"]').first().click();
    await waitForHydration(page);
    expect(violations).toEqual([]);
  });

  test('cached reader pages: only the inline scripts the page itself holds run, by their hashes', async ({ page }) => {
    await page.goto('/latest');
    const storyPath = await page.locator('main a[href^="/articles/"]').first().getAttribute('href');
    await page.goto('/topics');
    const topicPath = await page.locator('main a[href^="/topics/"]:not([href$=".xml"]):not([href$=".json"])').first().getAttribute('href');
    expect(storyPath).toBeTruthy();
    expect(topicPath).toBeTruthy();
    const paths = ['/', '/latest', storyPath!, topicPath!];
    // Hydrated under the hashed policy, with no violation reported.
    const violations = await visit(page, paths);
    expect(violations).toEqual([]);
    for (const path of paths) {
      // Compressed (as a browser asks) and not: the same hashes either way.
      const policies: string[] = [];
      for (const encoding of ['gzip, deflate, br', 'identity']) {
        const response = await page.request.get(path, { headers: { 'Accept-Encoding': encoding } });
        expect(response.status(), path).toBe(200);
        const scriptSrc =
          (response.headers()['content-security-policy'] ?? '').split('; ').find((directive) => directive.startsWith('script-src')) ?? '';
        expect(scriptSrc, path).not.toContain('unsafe-inline');
        expect(scriptSrc, path).not.toContain("'nonce-");
        expect(scriptSrc, path).toMatch(/^script-src 'self' 'sha256-/);
        // Every inline script of the page sent, and nothing else, is allowed by hash.
        const html = await response.text();
        const inline = [...html.matchAll(/<script((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script>/g)]
          .filter(([, attributes]) => !/\ssrc=/.test(attributes ?? ''))
          .map(
            ([, , text]) =>
              `'sha256-${createHash('sha256')
                .update(text ?? '')
                .digest('base64')}'`,
          );
        expect(inline.length, path).toBeGreaterThan(1);
        expect(new Set(scriptSrc.split(' ').slice(2)), path).toEqual(new Set(inline));
        policies.push(scriptSrc);
      }
      expect(policies[0], path).toBe(policies[1]);
    }
  });

  test("desk pages: only scripts with the response's nonce run", async ({ page }) => {
    const admin = await createTestUser('ADMIN', 'csp');
    await signIn(page, admin);
    const violations = await visit(page, ['/desk', '/desk/users', '/desk/tokens', '/desk/import', '/desk/digest']);
    expect(violations).toEqual([]);
    const first = (await page.request.get('/desk')).headers()['content-security-policy'] ?? '';
    const second = (await page.request.get('/desk')).headers()['content-security-policy'] ?? '';
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const scriptSrc = first.split('; ').find((directive) => directive.startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain("'self'");
    // Every script on the page carries the nonce (or is the hashed theme script).
    const html = await (await page.request.get('/desk/users')).text();
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toHaveLength(1); // the theme script
  });

  test('HSTS when the request came over https (as a TLS-terminating proxy says)', async ({ request }) => {
    const response = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

test.describe('accounts', () => {
  test.afterEach(clearCounters);

  test('the first administrator’s printed password must be changed at the first sign-in', async ({ page }) => {
    const log = readFileSync('.e2e/server.log', 'utf8');
    const printed = /password: (\S+)/.exec(log)?.[1];
    expect(printed).toBeTruthy();
    const first = { id: '', email: 'first-admin@e2e.test', password: printed! };
    await signIn(page, first, 'Your account');
    // Nothing else until it is changed.
    await page.goto('/desk/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await page.getByLabel('Current password').fill(printed!);
    await page.getByLabel('New password (12 or more characters)').fill('the first admin chose this');
    await page.getByLabel('New password again').fill('the first admin chose this');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the desk' }).waitFor();
    await signIn(page, { ...first, password: 'the first admin chose this' }, 'Overview');
  });

  test('an admin resets a password; the temporary one leads only to choosing a new one; the trail shows it', async ({ page, browser }) => {
    const admin = await createTestUser('ADMIN', 'resetter');
    const editor = await createTestUser('EDITOR', 'forgetful');
    await signIn(page, admin);
    await page.goto('/desk/users');
    await page.getByRole('button', { name: `Reset password of ${editor.email}` }).click();
    const status = page.getByRole('status').filter({ hasText: 'Temporary password' });
    await expect(status).toBeVisible();
    const temporary = /Temporary password for \S+: (\S+) —/.exec((await status.textContent()) ?? '')?.[1];
    expect(temporary).toBeTruthy();
    await expect(page.getByRole('row').filter({ hasText: 'user.resetPassword' }).filter({ hasText: editor.email }).first()).toBeVisible();

    const other = await browser.newPage();
    await signIn(other, { ...editor, password: temporary! }, 'Your account');
    expect((await other.request.post('/api/desk/articles/bulk', { data: {} })).status()).toBe(403);
    await other.getByLabel('Current password').fill(temporary!);
    await other.getByLabel('New password (12 or more characters)').fill('a password only I know');
    await other.getByLabel('New password again').fill('a password only I know');
    await other.getByRole('button', { name: 'Change password' }).click();
    await other.getByRole('heading', { level: 1, name: 'Sign in to the desk' }).waitFor();
    await signIn(other, { ...editor, password: 'a password only I know' });
    await other.close();
  });

  test('sign out everywhere ends the other sessions on their next request', async ({ page, browser }) => {
    const editor = await createTestUser('EDITOR', 'everywhere');
    const laptop = await browser.newPage();
    await signIn(laptop, editor);
    await signIn(page, editor);
    expect((await laptop.request.get('/api/desk/articles')).status()).toBe(200);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the desk' }).waitFor();
    expect((await laptop.request.get('/api/desk/articles')).status()).toBe(401);
    await laptop.goto('/desk');
    await expect(laptop).toHaveURL(/\/signin/);
    await laptop.close();
  });
});
