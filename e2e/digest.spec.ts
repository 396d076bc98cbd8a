/**
 * The daily digest: the reader's page, its email version and feeds, and
 * editors pinning, dropping and noting it from the desk.
 */
import Parser from 'rss-parser';
import { articleIdByTitle } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, signIn } from './support/users';

const DAY = '2020-05-05';
const ORCHARD = 'Digest fixture: Orchard cooperative wins regional prize';
const BRIDGE = 'Digest fixture: Bridge repairs finish a week early';
const KILN = 'Digest fixture: Pottery kiln reopens after fire';

test('a day’s digest lists its top stories with their coverage, as a page, an email and a feed', async ({ page, request }) => {
  await page.goto(`/digest/${DAY}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digest · Tuesday, 5 May 2020');
  const titles = await page.locator('.digest-story h2').allInnerTexts();
  expect(titles.indexOf(ORCHARD)).toBeLessThan(titles.indexOf(BRIDGE));
  expect(titles.indexOf(BRIDGE)).toBeLessThan(titles.indexOf(KILN));
  await expect(page.locator('.digest-story').filter({ hasText: ORCHARD }).getByRole('link', { name: 'Hills Herald' })).toHaveAttribute(
    'href',
    'https://hills.example.net/orchard',
  );
  await expect(page.getByRole('banner').getByRole('link', { name: 'Digest' })).toHaveAttribute('href', '/digest');
  await expectNoAxeViolations(page);

  const email = await request.get(`/digest/${DAY}/email`);
  expect(email.headers()['content-type']).toContain('text/html');
  const html = await email.text();
  expect(html).toContain('<table role="presentation"');
  expect(html).not.toMatch(/<script/i);
  for (const [, href] of html.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https?:\/\//);
  const text = await (await request.get(`/digest/${DAY}/email.txt`)).text();
  expect(text).toMatch(new RegExp(`\\d+\\. ${ORCHARD} \\(Valley Courier\\)`));

  const feed = await new Parser().parseString(await (await request.get('/digest/rss.xml')).text());
  expect(feed.title).toBe('Newsdesk digest');

  const current = await request.get('/digest', { maxRedirects: 0 });
  expect(current.status()).toBe(307);
  expect(current.headers().location).toMatch(/\/digest\/\d{4}-\d{2}-\d{2}$/);
  expect((await request.get('/digest/2020-02-30')).status()).toBe(404);
  expect((await request.get('/digest/2999-01-01')).status()).toBe(404);
});

test('editors pin, drop and note a day’s digest from the desk; a frozen digest changes only when republished', async ({ page }) => {
  await signIn(page, await createTestUser('EDITOR', 'digest'));
  await page.goto(`/desk/digest?day=${DAY}`);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digest · Tuesday, 5 May 2020');
  await page.getByRole('button', { name: `Drop “${ORCHARD}”` }).click();
  await expect(page.getByRole('status').first()).toHaveText(`Dropped: “${ORCHARD}”.`);
  await page.getByLabel('The day in one line').fill('A good day for the valley.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Note saved.');
  // The day is long over and was read above: it is frozen until republished.
  await expect(page.getByText('your later changes reach them when you republish')).toBeVisible();
  let reader = await page.request.get(`/digest/${DAY}`);
  expect(await reader.text()).toContain(ORCHARD);
  await page.getByRole('button', { name: 'Republish' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Republished.');
  await expect.poll(async () => (await (await page.request.get(`/digest/${DAY}`)).text()).includes(ORCHARD)).toBe(false);
  reader = await page.request.get(`/digest/${DAY}`);
  expect(await reader.text()).toContain('A good day for the valley.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: `Undo drop` }).first().click();
  await expect(page.getByRole('status').first()).toHaveText(`Back to its rank: “${ORCHARD}”.`);
  expect(await articleIdByTitle(ORCHARD)).toBeGreaterThan(0);
});
