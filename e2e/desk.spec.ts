import { articleIdByTitle, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, setDisabled, signIn, type TestUser } from './support/users';

// Desk tests change only their own fixtures (low scores, old dates), never what the reader tests look at.
const BIKE = 'Desk fixture: council approves new bike lanes';
const HARBOUR = 'Desk fixture: harbour dredging resumes after delay';
const LIBRARY = 'Desk fixture: library extends opening hours';
const MARKET = 'Desk fixture: night market returns to the old square';

let editor: TestUser;
let admin: TestUser;

test.beforeAll(async () => {
  editor = await createTestUser('EDITOR');
  admin = await createTestUser('ADMIN');
});

async function state(title: string) {
  return withDatabase(async (sql) => {
    const [row] = await sql.query<Record<string, unknown>>(
      `SELECT "published", "quality", "version" FROM "Article" WHERE "title" = ${sql.placeholder(1)}`,
      [title],
    );
    return {
      published: row?.published === true || Number(row?.published) === 1,
      quality: row?.quality === null ? null : Number(row?.quality),
      version: Number(row?.version),
    };
  });
}

const rowOf = (page: import('@playwright/test').Page, title: string) => page.locator('tbody tr').filter({ hasText: title });

test('signed-out visitors are sent to sign in; wrong passwords get one plain message', async ({ page }) => {
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdesk|\/signin\?callbackUrl=\/desk/);
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.form-error')).toHaveText('Wrong email or password.');
  await page.getByLabel('Email').fill('nobody@e2e.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.form-error')).toHaveText('Wrong email or password.');
  await signIn(page, editor);
  await expect(page.getByText(`${editor.email} (editor)`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/signin/);
});

test('one click unpublishes a story, and readers stop seeing it at once', async ({ page, request }) => {
  await signIn(page, editor);
  await page.goto(`/desk/articles?q=${encodeURIComponent('bike lanes')}`);
  const id = await articleIdByTitle(BIKE);
  expect((await request.get(`/articles/${id}`, { maxRedirects: 5 })).status()).toBe(200);
  const toggle = rowOf(page, BIKE).getByRole('button', { name: /Published: .* Toggle/ });
  await toggle.click();
  await expect(rowOf(page, BIKE).getByRole('button', { name: /Unpublished: .* Toggle/ })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('Unpublished');
  expect((await state(BIKE)).published).toBe(false);
  await expect.poll(async () => (await request.get(`/articles/${id}`, { maxRedirects: 5 })).status(), { timeout: 1500 }).toBe(404);
  await expect.poll(async () => (await request.get('/topics/local/rss.xml')).text(), { timeout: 1500 }).not.toContain('bike lanes');
  await rowOf(page, BIKE)
    .getByRole('button', { name: /Unpublished: .* Toggle/ })
    .click();
  await expect(rowOf(page, BIKE).getByRole('button', { name: /Published: .* Toggle/ })).toBeVisible();
  await expect.poll(async () => (await request.get(`/articles/${id}`, { maxRedirects: 5 })).status(), { timeout: 1500 }).toBe(200);
});

test('quality edits inline, and bad values are refused with a reason', async ({ page }) => {
  await signIn(page, editor);
  await page.goto(`/desk/articles?q=${encodeURIComponent('harbour dredging')}`);
  const row = rowOf(page, HARBOUR);
  await row.getByRole('button', { name: /^Quality .* Edit$/ }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('Quality must be a whole number from 0 to 1000.');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('Quality must be from 0 to 1000.');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(row.getByRole('button', { name: /^Quality 25 / })).toBeVisible();
  await expect.poll(async () => (await state(HARBOUR)).quality).toBe(25);
});

test('bulk: select rows, unpublish them together, see the count, undo', async ({ page }) => {
  await signIn(page, editor);
  await page.goto(`/desk/articles?q=${encodeURIComponent('desk fixture')}&status=published&sort=quality&dir=asc`);
  const rows = page.locator('tbody tr');
  // The headline link (a row may also link to the rest of its story).
  const titleOf = (row: number) => rows.nth(row).locator('.desk-title a').first().innerText();
  const titles = [await titleOf(0), await titleOf(1)];
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('2 selected');
  await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText('Unpublished 2 of 2 articles');
  for (const title of titles) expect((await state(title)).published).toBe(false);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').first()).toContainText('Undone for 2 articles');
  for (const title of titles) expect((await state(title)).published).toBe(true);
});

test('keyboard triage: j/k, p, e, x, / and ?', async ({ page }) => {
  await signIn(page, editor);
  await page.goto(`/desk/articles?q=${encodeURIComponent('night market')}`);
  await waitForHydration(page);
  const before = await state(MARKET);
  await page.keyboard.press('j');
  await expect(page.locator('tbody tr').first()).toBeFocused();
  await page.keyboard.press('p');
  await expect.poll(async () => (await state(MARKET)).published).toBe(!before.published);
  await expect(page.locator('tbody tr').first().locator('.status-toggle')).toBeEnabled();
  await page.keyboard.press('p');
  await expect.poll(async () => (await state(MARKET)).published).toBe(before.published);
  // The row takes no new change while the last one is still being saved (the desk ignores keys then).
  await expect(page.locator('tbody tr').first().locator('.status-toggle')).toBeEnabled();
  await page.keyboard.press('e');
  await expect(page.getByRole('textbox', { name: /Quality of/ })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('31');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state(MARKET)).quality).toBe(31);
  await page.locator('tbody tr').first().focus();
  await page.keyboard.press('x');
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('1 selected');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
});

test('two editors, one article: the second edit is refused with the current value, never silently overwritten', async ({ browser }) => {
  const second = await createTestUser('EDITOR', 'second');
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const [a, b] = [await contextA.newPage(), await contextB.newPage()];
  await signIn(a, editor);
  await signIn(b, second);
  const url = `/desk/articles?q=${encodeURIComponent('library opening hours')}`;
  await a.goto(url);
  await b.goto(url);
  const start = await state(LIBRARY);
  await rowOf(a, LIBRARY).locator('.status-toggle').click();
  await expect.poll(async () => (await state(LIBRARY)).version).toBe(start.version + 1);
  // B still sees the old version and tries to change quality.
  await rowOf(b, LIBRARY)
    .getByRole('button', { name: /^Quality .* Edit$/ })
    .click();
  await b.keyboard.press('ControlOrMeta+a');
  await b.keyboard.type('42');
  await b.keyboard.press('Enter');
  await expect(b.getByRole('status').first()).toContainText('Someone changed this article since you loaded it');
  await expect(rowOf(b, LIBRARY).locator('.status-toggle')).toHaveText(start.published ? 'Unpublished' : 'Published');
  const end = await state(LIBRARY);
  expect(end).toMatchObject({ published: !start.published, quality: start.quality, version: start.version + 1 });
  await rowOf(a, LIBRARY).locator('.status-toggle').click();
  await contextA.close();
  await contextB.close();
});

test('an article’s history shows every change, and a change can be undone', async ({ page }) => {
  await signIn(page, editor);
  const id = await articleIdByTitle(HARBOUR);
  await page.goto(`/desk/articles/${id}`);
  await page.getByLabel(/^Quality \(0–1000\)/).fill('123');
  await page.getByRole('button', { name: 'Save quality' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Saved.');
  const history = page.getByRole('region', { name: 'History' });
  const entry = history.locator('tbody tr').first();
  await expect(entry).toContainText(`quality:`);
  await expect(entry).toContainText('→ 123');
  await expect(entry).toContainText(editor.email);
  const previous = (await state(HARBOUR)).quality;
  expect(previous).toBe(123);
  await entry.getByRole('button', { name: /^Undo quality change/ }).click();
  await expect(history.locator('tbody tr').first()).toContainText('undo');
  await expect.poll(async () => (await state(HARBOUR)).quality).not.toBe(123);
});

test('a disabled editor is signed out on the next request', async ({ page }) => {
  const doomed = await createTestUser('EDITOR', 'doomed');
  await signIn(page, doomed);
  await setDisabled(doomed, true);
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
});

test('admins manage users; editors cannot', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/desk/users');
  await expect(page.getByRole('alert').filter({ hasText: 'administrators' })).toHaveText('Only administrators manage users.');
  await signIn(page, admin);
  await page.goto('/desk/users');
  await page.getByLabel('Email').fill('new-hire@e2e.test');
  await page.getByLabel('Password (12 or more characters)').fill('a long enough password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').first()).toHaveText('User added.');
  await expect(page.getByRole('table', { name: 'Desk users' }).getByRole('cell', { name: 'new-hire@e2e.test', exact: true })).toBeVisible();
  // The account activity shows who added whom.
  await expect(
    page
      .getByRole('table', { name: /Changes to users/ })
      .getByRole('row')
      .filter({ hasText: 'user.create' })
      .filter({ hasText: 'new-hire@e2e.test' }),
  ).toContainText(admin.email);
});

test.describe('accessibility of the desk (axe-core)', () => {
  // Many pages, each analysed in full: on a busy machine this takes longer than one ordinary test.
  test.slow();
  for (const scheme of ['light', 'dark'] as const) {
    test(`desk pages, ${scheme} theme`, async ({ page }) => {
      // Six pages, each rendered and analysed: on a busy two-core machine that outlasts the default 30 s.
      test.slow();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/signin');
      await expectNoAxeViolations(page);
      await signIn(page, admin);
      const id = await articleIdByTitle(HARBOUR);
      for (const path of ['/desk', '/desk/articles', `/desk/articles/${id}`, '/desk/tokens', '/desk/users', '/desk/import', '/account']) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
    });
  }
});
