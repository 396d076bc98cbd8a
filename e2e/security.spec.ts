/**
 * The security edges of docs/security.md, over real HTTP against the
 * production build (served by scripts/serve-next.mjs, as `npm start` does).
 */
import type { PlaywrightWorkerArgs } from '@playwright/test';
import { withDatabase } from './support/database';
import { expect, test } from './support/test';
import { createTestUser, type TestUser } from './support/users';

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
