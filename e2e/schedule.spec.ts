/**
 * Scheduling from the desk: the schedule form on an article's page (times in
 * the editor's zone), "goes live in …" in the table, a window the server
 * refuses with the field named, and readers following the schedule.
 */
import { articleIdByTitle } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, signIn, signInRequest } from './support/users';

const COMET = 'Schedule fixture: comet visible tonight';

test('an editor schedules a story from its page, sees when it goes live, and clears the schedule', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, await createTestUser('EDITOR', 'scheduler'));
  const id = await articleIdByTitle(COMET);
  await page.goto(`/desk/articles/${id}`);
  await waitForHydration(page);
  const form = page.getByRole('form', { name: 'Schedule' });
  await expect(form.getByRole('group')).toContainText('your time zone');
  const tomorrow = new Date(Date.now() + 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T06:00`;
  await form.getByLabel('Goes live at').fill(local);
  await form.getByRole('button', { name: 'Save schedule' }).click();
  await expect(form.getByRole('status')).toHaveText('Schedule saved.');
  await expect(form.locator('.schedule-badge')).toHaveText(/^goes live in \d+ h$/);
  expect((await page.request.get(`/articles/${id}`)).status()).toBe(404);

  await expectNoAxeViolations(page);

  await page.goto('/desk/articles?status=scheduled');
  const row = page.locator('tbody tr').filter({ hasText: COMET });
  await expect(row.locator('.schedule-badge')).toHaveText(/goes live in/);

  await form.page().goto(`/desk/articles/${id}`);
  await waitForHydration(page);
  await page.getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Clear schedule' }).click();
  await expect(page.getByRole('form', { name: 'Schedule' }).getByRole('status')).toHaveText('Schedule saved.');
  expect((await page.request.get(`/articles/${id}`)).status()).toBe(200);
});

test('the API takes a window with offsets, refuses one that closes before it opens, and readers follow it', async ({ request }) => {
  const editor = await createTestUser('EDITOR', 'schedule-api');
  await signInRequest(request, editor);
  const id = await articleIdByTitle(COMET);
  const current = await (await request.get(`/api/desk/articles/${id}`)).json();

  const backwards = await request.patch(`/api/desk/articles/${id}`, {
    data: { version: current.version, publishAt: '2031-01-02T00:00:00+01:00', unpublishAt: '2031-01-01T00:00:00Z' },
  });
  expect(backwards.status()).toBe(400);
  expect(await backwards.json()).toMatchObject({ issues: [{ path: 'unpublishAt', message: 'must be after publishAt' }] });
  const noOffset = await request.patch(`/api/desk/articles/${id}`, { data: { version: current.version, publishAt: '2031-01-02T06:00' } });
  expect(noOffset.status()).toBe(400);
  expect((await noOffset.json()).issues[0].path).toBe('publishAt');

  const goesLive = new Date(Date.now() + 3_000);
  const scheduled = await request.patch(`/api/desk/articles/${id}`, {
    data: { version: current.version, publishAt: goesLive.toISOString() },
  });
  expect(scheduled.status()).toBe(200);
  expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  await expect.poll(async () => (await request.get(`/articles/${id}`)).status(), { timeout: 8_000, intervals: [200] }).toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(goesLive.getTime());

  const after = await (await request.get(`/api/desk/articles/${id}`)).json();
  expect((await request.patch(`/api/desk/articles/${id}`, { data: { version: after.version, publishAt: null } })).status()).toBe(200);
});
