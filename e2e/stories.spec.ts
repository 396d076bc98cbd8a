import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ARTICLES_TAG } from '../lib/cache/cache-tags.mjs';
import { recordTagRevalidations } from '../lib/cache/record-tag-revalidations';
import { importSeedFiles } from '../lib/import/import-seed-folder';
import { articleIdByTitle, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, signIn, type TestUser } from './support/users';

// One event from three outlets (the third record unpublished), and an unrelated story.
const LEAD = 'Stories fixture: Easthaven port approves offshore wind terminal';
const SECOND = 'Stories fixture: Easthaven port approves offshore wind terminal plan';
const DRAFT = 'Stories fixture: Easthaven Port Approves Offshore Wind Terminal';
const OTHER = 'Stories fixture: Westbrook tram depot opens to visitors';

function record(title: string, outlet: string, hoursAgo: number, { quality, published }: { quality: number; published: boolean }) {
  const at = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  return `---
title: "${title}"
excerpt: "The harbour board voted to build a terminal for offshore wind turbines at Easthaven."
publishedDateTime: ${at}
webUrl: "https://${outlet}/easthaven-${hoursAgo}"
type: article
quality: ${quality}
heat: 50000
published: ${published}
provider:
  name: ${outlet}
  domain: ${outlet}
topics:
  - Energy
---
`;
}

let editor: TestUser;
const folder = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-stories-'));

test.beforeAll(async () => {
  editor = await createTestUser('EDITOR');
  const files: Record<string, string> = {
    'stories/lead.md': record(LEAD, 'coast-herald.example', 1, { quality: 1000, published: true }),
    'stories/second.md': record(SECOND, 'wind-weekly.example', 2, { quality: 900, published: true }),
    'stories/draft.md': record(DRAFT, 'harbour-news.example', 3, { quality: 950, published: false }),
    'stories/other.md': record(OTHER, 'tram-times.example', 1, { quality: 999, published: true }).replace(
      /offshore wind turbines at Easthaven/,
      'trams at Westbrook',
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // The real pipeline, as the watcher or an upload would run it; it invalidates the server's cached pages.
  await withDatabase(async (sql) => {
    const report = await importSeedFiles(sql, folder, Object.keys(files));
    expect(report.rejected).toEqual([]);
  });
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const entries = (page: import('@playwright/test').Page, title: string) => page.locator('[data-story]').filter({ hasText: title });

test('the river shows one entry per story in every order, its lead with the other outlet and "2 sources"', async ({ page }) => {
  for (const path of ['/', '/latest', '/trending']) {
    // The import invalidated reader pages through the shared table, which PostgreSQL instances read every second.
    await expect(async () => {
      await page.goto(path);
      await expect(entries(page, 'Easthaven'), path).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    const story = entries(page, 'Easthaven');
    await expect(story.getByRole('heading'), path).toHaveText(LEAD);
    await expect(story.getByRole('link', { name: `Full coverage: ${LEAD}` }), path).toHaveText(/2 sources/);
    await expect(story.getByRole('link', { name: 'wind-weekly.example' }), path).toBeVisible();
    // The unpublished member is nowhere.
    await expect(page.getByText('harbour-news.example'), path).toHaveCount(0);
  }
});

test('the story page shows the whole coverage; the other member’s old address leads to it', async ({ page }) => {
  const second = await articleIdByTitle(SECOND);
  await page.goto(`/articles/${second}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LEAD);
  await expect(page.getByRole('heading', { name: /^Full coverage \(1 link, 2 sources\)$/ })).toBeVisible();
  await expect(page.locator('.coverage-item')).toHaveCount(1);
  await expect(page.locator('.coverage').getByRole('link', { name: SECOND })).toHaveAttribute('href', /wind-weekly\.example/);
  await expect(page.getByText(DRAFT, { exact: true })).toHaveCount(0);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
});

test('the desk groups articles by story: one row per story that opens to its other members, by keyboard', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/desk/articles?q=Stories+fixture');
  await waitForHydration(page);
  await page.getByLabel('Group by story').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/group=story/);
  await expect(page.getByText(/· \d+ stories$/)).toBeVisible();

  const lead = page.locator(`tr[data-desk-row="${await articleIdByTitle(LEAD)}"]`);
  const draft = page.locator(`tr[data-desk-row="${await articleIdByTitle(DRAFT)}"]`);
  const disclosure = lead.getByRole('button', { name: /the other articles of the story/ });
  await expect(disclosure).toHaveText(/3 articles, 1 unpublished/);
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(draft).toHaveCount(0);
  // The unrelated story is a row of its own, with nothing to open.
  const other = page.locator(`tr[data-desk-row="${await articleIdByTitle(OTHER)}"]`);
  await expect(other).toBeVisible();
  await expect(other.getByRole('button', { name: /the other articles of the story/ })).toHaveCount(0);

  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(draft.getByRole('button', { name: /^Unpublished:/ })).toBeVisible();
  await expect(
    page.locator(`tr[data-desk-row="${await articleIdByTitle(SECOND)}"]`).getByRole('button', { name: /^Published:/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.keyboard.press('Space');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(draft).toHaveCount(0);

  // The JSON API takes the same parameter.
  const response = await page.request.get('/api/desk/articles?q=Stories+fixture&group=story');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { rows: { title: string }[]; total: number; groups: { articles: number; unpublished: number }[] };
  expect(body.groups).toHaveLength(body.rows.length);
  expect(body.total).toBe(body.rows.length);
  expect(body.groups[body.rows.findIndex((row) => row.title === LEAD)]).toMatchObject({ articles: 3, unpublished: 1 });
  expect(body.rows.map((row) => row.title)).not.toContain(DRAFT);
});

test('a repeated search is refreshed when an article is unpublished and published again', async ({ page }) => {
  const search = async (q: string) => {
    await page.goto(`/search?${new URLSearchParams({ q })}`);
    return page.locator('ol.stories');
  };
  const flipPublished = (invalidate: boolean) =>
    withDatabase(async (sql) => {
      await sql.query(`UPDATE "Article" SET "published" = NOT "published" WHERE "title" = ${sql.placeholder(1)}`, [OTHER]);
      if (invalidate) await recordTagRevalidations(sql, [ARTICLES_TAG]);
    });
  await expect(await search('Westbrook tram depot')).toContainText('Westbrook tram depot opens');
  // Served from the cache, whatever the spelling of the same words: a change nobody announced does not show…
  await flipPublished(false);
  await expect(await search('  WESTBROOK   Tram depot')).toContainText('Westbrook tram depot opens');
  // …until articles are invalidated, as every import and desk change does (an invalidation from
  // outside the app reaches it within NEWSDESK_CACHE_TAG_SYNC_MS on PostgreSQL, hence the retries).
  await withDatabase((sql) => recordTagRevalidations(sql, [ARTICLES_TAG]));
  await expect(async () => {
    await search('westbrook tram depot');
    await expect(page.getByText(/No published story matches/)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await flipPublished(true);
  await expect(async () => {
    await expect(await search('Westbrook tram depot')).toContainText('Westbrook tram depot opens', { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // The same through the desk.

  await signIn(page, editor);
  const toggle = async (to: 'Published' | 'Unpublished') => {
    await page.goto('/desk/articles?q=Westbrook+tram+depot');
    await waitForHydration(page);
    const row = page.locator(`tr[data-desk-row="${await articleIdByTitle(OTHER)}"]`);
    await row.getByRole('button', { name: /^(Published|Unpublished): .* Toggle$/ }).click();
    await expect(row.getByRole('button', { name: new RegExp(`^${to}:`) })).toBeVisible();
    await expect(row).not.toHaveClass(/pending/);
  };
  await toggle('Unpublished');
  await search('westbrook tram depot');
  await expect(page.getByText(/No published story matches/)).toBeVisible();
  await toggle('Published');
  await expect(await search('Westbrook tram depot')).toContainText('Westbrook tram depot opens');
});

test('editors see the story on the desk, split an article out, undo it, and merge two stories', async ({ page }) => {
  await signIn(page, editor);
  const second = await articleIdByTitle(SECOND);
  await page.goto(`/desk/articles/${await articleIdByTitle(DRAFT)}`);
  const story = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Story \d+$/ }) });
  await expect(story.getByText('2 other articles report this story; 2 are on the river.')).toBeVisible();
  await expect(story.locator('tbody tr').filter({ hasText: 'coast-herald.example' })).toContainText('on the river');
  await expect(story.locator('tbody tr').filter({ hasText: 'harbour-news.example' })).toContainText('unpublished');
  await waitForHydration(page);
  await expectNoAxeViolations(page);

  // Split the second outlet's article out: the river shows two entries.
  await page.goto(`/desk/articles/${second}`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Split into its own story' }).click();
  await expect(page.getByText('No other article reports this story.')).toBeVisible();
  await page.goto('/latest');
  await expect(entries(page, 'Easthaven')).toHaveCount(2);

  // Undo from the history: one entry again.
  await page.goto(`/desk/articles/${second}`);
  await waitForHydration(page);
  await page.getByRole('button', { name: /^Undo story\.split change/ }).click();
  await expect(page.getByText(/^2 other articles report this story/)).toBeVisible();
  await page.goto('/latest');
  await expect(entries(page, 'Easthaven')).toHaveCount(1);

  // Merge the tram story into the Easthaven story: one entry, three sources.
  const easthaven = await withDatabase(async (sql) => {
    const [row] = await sql.query<{ storyId: number }>(`SELECT "storyId" FROM "Article" WHERE "title" = ${sql.placeholder(1)}`, [LEAD]);
    return Number(row?.storyId);
  });
  await page.goto(`/desk/articles/${await articleIdByTitle(OTHER)}`);
  await waitForHydration(page);
  await page.getByLabel('Merge this story into story').fill(String(easthaven));
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('heading', { name: `Story ${easthaven}` })).toBeVisible();
  await page.goto('/latest');
  await expect(entries(page, 'Westbrook')).toHaveCount(0);
  await expect(entries(page, 'Easthaven').getByRole('link', { name: `Full coverage: ${LEAD}` })).toHaveText(/3 sources/);
});
