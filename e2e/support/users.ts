/** Desk accounts for end-to-end tests, written straight to the e2e database. */
import { randomUUID } from 'node:crypto';
import type { Page, APIRequestContext } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { hashApiToken, newApiToken } from '../../lib/data/tokens/api-token-hash';
import { withDatabase } from './database';

export type TestUser = { id: string; email: string; password: string };

export async function createTestUser(role: 'EDITOR' | 'ADMIN' | 'IMPORTER', label = role.toLowerCase()): Promise<TestUser> {
  const user = {
    id: randomUUID(),
    email: `${label}-${randomUUID().slice(0, 8)}@e2e.test`,
    password: `password for ${label} ${randomUUID()}`,
  };
  const passwordHash = await hashPassword(user.password);
  await withDatabase(async (sql) => {
    const now = new Date();
    const p = (n: number) => sql.placeholder(n);
    await sql.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
      [user.id, user.email, label, passwordHash, role, now, now],
    );
  });
  return user;
}

export async function setDisabled(user: TestUser, disabled: boolean) {
  await withDatabase((sql) =>
    sql.query(`UPDATE "User" SET "disabledAt" = ${sql.placeholder(1)} WHERE "id" = ${sql.placeholder(2)}`, [
      disabled ? new Date() : null,
      user.id,
    ]),
  );
}

/** Signs in through the form; `landing` is the desk page the role lands on (importers land on Import). */
export async function signIn(page: Page, user: TestUser, landing = 'Overview') {
  await page.context().clearCookies();
  await page.goto('/signin?callbackUrl=/desk');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
}

/** Signs an API request context in through next-auth's own endpoints (CSRF token, credentials callback). */
export async function signInRequest(request: APIRequestContext, user: TestUser) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email: user.email, password: user.password, csrfToken, json: 'true' },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
}

/** A personal API token for the user, written straight to the e2e database (as /desk/tokens would). */
export async function createTestToken(user: TestUser): Promise<string> {
  const token = newApiToken();
  await withDatabase(async (sql) => {
    const p = (n: number) => sql.placeholder(n);
    await sql.query(
      `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix", "createdAt") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`,
      [randomUUID(), user.id, 'e2e', hashApiToken(token), token.slice(0, 10), new Date()],
    );
  });
  return token;
}
