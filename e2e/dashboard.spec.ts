import type { Browser, Page } from '@playwright/test';
import { withDatabase } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, signIn, type TestUser } from './support/users';

// These tests add their own unpublished articles (dated 2018, so no reader page shows them) and change only those.
let dana: TestUser;
let eli: TestUser;

test.beforeAll(async () => {
  dana = await createTestUser('EDITOR', 'dana');
  eli = await createTestUser('EDITOR', 'eli');
});

/** A new unpublished arrival, as an import would add it: returns its id. */
async function arrive(title: string, quality: number | null = null): Promise<number> {
  return withDatabase(async (sql) => {
    const p = (n: number) => sql.placeholder(n);
    const [source] = await sql.query<{ id: number; name: string }>(`SELECT "id", "name" FROM "Source" ORDER BY "id" LIMIT 1`);
    const now = new Date();
    await sql.query(
      `INSERT INTO "Article" ("title", "publishedAt", "sourceId", "sourceName", "published", "quality", "qualityRank", "trendingRank", "createdAt", "updatedAt")
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)})`,
      [title, new Date('2018-03-01T09:00:00Z'), Number(source!.id), source!.name, false, quality, quality ?? -1, 0, now, now],
    );
    const [row] = await sql.query<{ id: number }>(`SELECT "id" FROM "Article" WHERE "title" = ${p(1)}`, [title]);
    return Number(row!.id);
  });
}

async function articleState(id: number) {
  return withDatabase(async (sql) => {
    const [row] = await sql.query<Record<string, unknown>>(
      `SELECT "published", "quality", "version" FROM "Article" WHERE "id" = ${sql.placeholder(1)}`,
      [id],
    );
    return {
      published: row?.published === true || Number(row?.published) === 1,
      quality: row?.quality === null ? null : Number(row?.quality),
    };
  });
}

async function skipEvents(id: number): Promise<number> {
  return withDatabase(async (sql) => {
    const [row] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'article.skip' AND "outcome" = 'ok' AND "targetId" = ${sql.placeholder(1)}`,
      [String(id)],
    );
    return Number(row?.n);
  });
}

const queueRow = (page: Page, title: string) => page.locator('[data-queue-row]').filter({ hasText: title });

test('the overview queue: newest arrivals first, one key to publish, skip or score, and the count in the navigation', async ({ page }) => {
  const first = await arrive('Dashboard fixture: ferry timetable changes');
  const second = await arrive('Dashboard fixture: new bakery opens on the quay');
  const third = await arrive('Dashboard fixture: harbour lights repaired', 12);
  await signIn(page, dana);
  await waitForHydration(page);
  const queue = page.getByRole('region', { name: /Needs a decision/ });
  const titles = await queue.locator('[data-queue-row] .desk-title a').allTextContents();
  expect(titles.slice(0, 3)).toEqual([
    'Dashboard fixture: harbour lights repaired',
    'Dashboard fixture: new bakery opens on the quay',
    'Dashboard fixture: ferry timetable changes',
  ]);
  const count = Number(await page.locator('[data-queue-count]').textContent());
  expect(count).toBeGreaterThanOrEqual(3);

  // j moves to the first row; s skips it (audited), for everyone.
  await page.keyboard.press('j');
  await expect(queueRow(page, 'harbour lights')).toBeFocused();
  await page.keyboard.press('s');
  await expect(queueRow(page, 'harbour lights')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Skipped' })).toBeVisible();
  expect(await skipEvents(third)).toBe(1);

  // e sets the quality of the focused row, p publishes it.
  await queueRow(page, 'new bakery').focus();
  await page.keyboard.press('e');
  await page.getByLabel(/Quality of “Dashboard fixture: new bakery/).fill('77');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await articleState(second)).quality).toBe(77);
  await queueRow(page, 'new bakery').focus();
  await page.keyboard.press('p');
  await expect.poll(async () => (await articleState(second)).published).toBe(true);
  await page.reload();
  await expect(queueRow(page, 'new bakery')).toHaveCount(0);
  await expect(queueRow(page, 'ferry timetable')).toHaveCount(1);
  expect(Number(await page.locator('[data-queue-count]').textContent())).toBe(count - 2);

  // Eli's queue lost the skipped one too: the team works through one queue.
  const other = await page.context().browser()!.newPage();
  await signIn(other, eli);
  await expect(queueRow(other, 'ferry timetable')).toHaveCount(1);
  await expect(queueRow(other, 'harbour lights')).toHaveCount(0);
  await other.close();
  // Put it back for anyone else: unpublished, as it arrived.
  await withDatabase((sql) =>
    sql.query(`UPDATE "Article" SET "published" = ${sql.placeholder(1)} WHERE "id" = ${sql.placeholder(2)}`, [false, second]),
  );
  expect(first).toBeGreaterThan(0);
});

test('the river now lists what readers see, with quality and heat', async ({ page }) => {
  await signIn(page, dana);
  const river = page.getByRole('region', { name: 'The river now' });
  for (const order of ['Latest', 'Top', 'Trending']) {
    const table = river.getByRole('table', { name: new RegExp(`^${order}:`) });
    await expect(table.locator('tbody tr')).toHaveCount(10);
  }
  await expect(river.getByRole('table', { name: /^Top:/ }).locator('tbody tr').first()).toContainText(
    'ACLU, civil rights groups urge Biden to halt use of facial recognition technology',
  );
});

test('charts: drawn on the server as labelled SVG, each with a table of its figures; filters in the URL apply to every panel', async ({
  page,
}) => {
  await signIn(page, dana);
  await page.goto('/desk?from=2020-01-01&to=2020-12-31');
  await expect(page.getByRole('heading', { name: 'Numbers, 2020-01-01 to 2020-12-31' })).toBeVisible();
  const figures = page.locator('figure.chart');
  await expect(figures).toHaveCount(6);
  for (const name of [
    'Articles per day',
    'Top sources by articles',
    'Top sources by average quality',
    'Quality distribution',
    'Topics rising this week',
    'Each editor’s changes per day',
  ]) {
    const figure = page.getByRole('figure', { name: new RegExp(name) });
    const image = figure.getByRole('img', { name: new RegExp(`^${name}`) });
    await expect(image).toBeVisible();
    await expect(image.locator('title')).toHaveText(name);
    expect((await image.locator('desc').textContent())?.length).toBeGreaterThan(10);
    await figure.getByText(`Table: ${name.toLowerCase()}`).click();
    await expect(figure.getByRole('table', { name })).toBeVisible();
  }
  // The generated batch is dated 2019–2020: the per-day table adds up to what the database holds for 2020.
  const perDay = page.getByRole('figure', { name: /Articles per day/ });
  const totals = await perDay.locator('tbody tr td:nth-child(4)').allTextContents();
  expect(totals).toHaveLength(366);
  const inDatabase = await withDatabase(async (sql) => {
    const [row] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "Article" WHERE "publishedAt" >= ${sql.placeholder(1)} AND "publishedAt" < ${sql.placeholder(2)}`,
      [new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')],
    );
    return Number(row?.n);
  });
  expect(totals.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)).toBe(inDatabase);
  // A topic no article has empties every panel, and says why.
  await page.goto('/desk?from=2020-01-01&to=2020-12-31&topic=no-such-topic');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no topic' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Articles per day/ }).locator('figcaption')).toContainText('0 articles dated');
  // Filters the schema refuses are named, and ignored.
  await page.goto('/desk?from=2020-13-01');
  await expect(page.getByRole('alert').filter({ hasText: 'from: must be a real date' })).toBeVisible();
});

test('keyboard: g o and g a jump between overview and articles; ? lists every key', async ({ page }) => {
  await signIn(page, dana);
  await waitForHydration(page);
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await waitForHydration(page);
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const key of ['g o', 'g a', 'j / k', 'p', 'e', 's', 'o', 'x', '/', '?'])
    await expect(dialog.locator('kbd', { hasText: key }).first()).toBeVisible();
});

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  await waitForHydration(page);
  return page;
}

test('live desk: two editors see each other and each other’s changes without reloading', async ({ browser }) => {
  test.slow();
  const title = 'Dashboard fixture: tram depot expansion';
  const id = await arrive(title, 10);
  const watcher = await signedInPage(browser, dana);
  const editor = await signedInPage(browser, eli);
  try {
    await watcher.goto(`/desk/articles?q=${encodeURIComponent('tram depot expansion')}`);
    await waitForHydration(watcher);
    await watcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const row = watcher.locator('tbody tr').filter({ hasText: title });
    await expect(row).toHaveCount(1);

    // Eli opens the article: Dana's table says so, then says what Eli is doing.
    await editor.goto(`/desk/articles/${id}`);
    await waitForHydration(editor);
    await expect(row.locator('[data-presence]')).toHaveAttribute('title', /eli.* is viewing/);
    await editor.getByLabel(/^Quality/).focus();
    await expect(row.locator('[data-presence]')).toHaveAttribute('title', /eli.* is editing quality/);

    // Dana opens it too: Eli's page names her.
    const second = await watcher.context().newPage();
    await second.goto(`/desk/articles/${id}`);
    await expect(editor.locator('.presence-long')).toContainText(/dana.* is viewing/);
    await second.close();

    // Eli saves a quality: Dana's row shows it without a reload.
    await editor.getByLabel(/^Quality/).fill('345');
    await editor.getByRole('button', { name: 'Save quality' }).click();
    await expect(row.getByRole('button', { name: /^Quality 345/ })).toBeVisible({ timeout: 10_000 });
    expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // A change made outside the desk (the API, another instance) arrives the same way: the audit trail feeds the stream.
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(row.getByRole('button', { name: /^Published: / })).toBeVisible({ timeout: 10_000 });
    expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await withDatabase((sql) =>
      sql.query(`UPDATE "Article" SET "published" = ${sql.placeholder(1)} WHERE "id" = ${sql.placeholder(2)}`, [false, id]),
    );
    await watcher.context().close();
    await editor.context().close();
  }
});

test('the event stream resumes after the last id it gave, and refuses callers without a session', async ({ page, request }) => {
  expect((await request.get('/api/desk/events')).status()).toBe(401);
  const id = await arrive('Dashboard fixture: stream resume check', 5);
  await signIn(page, dana);
  const lastId = await withDatabase(async (sql) => {
    const [row] = await sql.query<{ id: number | string }>(`SELECT MAX("id") AS id FROM "AuditEvent"`);
    return Number(row?.id ?? 0);
  });
  // A change while "disconnected": a stream resumed from lastId must deliver it first.
  const version = 1;
  const edited = await page.evaluate(
    async ([articleId, v]) =>
      (
        await fetch(`/api/desk/articles/${articleId}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ version: v, quality: 9 }),
        })
      ).status,
    [id, version] as const,
  );
  expect(edited).toBe(200);
  const received = await page.evaluate(async (after) => {
    const controller = new AbortController();
    const response = await fetch('/api/desk/events', { headers: { 'Last-Event-ID': String(after) }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: change\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    return { status: response.status, type: response.headers.get('content-type'), text };
  }, lastId);
  expect(received.status).toBe(200);
  expect(received.type).toContain('text/event-stream');
  const change = /id: (\d+)\nevent: change\ndata: (.*)\n/.exec(received.text);
  expect(Number(change?.[1])).toBeGreaterThan(lastId);
  expect(JSON.parse(change![2]!)).toMatchObject({ action: 'article.edit', targetType: 'article', targetId: String(id) });
});

test('saved views: name the filters and sort, pick them from the menu; export the list as CSV', async ({ page, request }) => {
  await signIn(page, dana);
  await page.goto('/desk/articles?status=unpublished&sort=updatedAt');
  await waitForHydration(page);
  await page.getByText('Saved views', { exact: true }).click();
  await page.getByLabel('Name this view').fill('Unpublished, recently changed');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.locator('.saved-views').getByText('Saved “Unpublished, recently changed”.')).toBeVisible();
  await page.goto('/desk/articles');
  await page.getByText('Saved views', { exact: true }).click();
  await page.getByRole('list', { name: 'Saved views' }).getByRole('link', { name: 'Unpublished, recently changed' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\?status=unpublished&sort=updatedAt$/);
  await expect(page.locator('.saved-views summary')).toHaveText('Saved views: Unpublished, recently changed');

  // The CSV is the whole filtered list, not one page; without a session it is refused.
  expect((await request.get('/api/desk/articles.csv')).status()).toBe(401);
  const csv = await page.request.get(`/api/desk/articles.csv?q=${encodeURIComponent('desk fixture')}&sort=title&dir=asc`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^"id","title","source"/);
  await page.goto(`/desk/articles?q=${encodeURIComponent('desk fixture')}&sort=title&dir=asc`);
  // Each row's headline link (a row may also link to the rest of its story).
  const titles = await page
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('.desk-title a')?.textContent ?? ''));
  expect(lines.slice(1).map((line) => /^\d+,"((?:[^"]|"")*)"/.exec(line)?.[1])).toEqual(titles);
});

test('the article page shows the record to decide from, and featured HTML only as a rebuilt, sandboxed YouTube preview', async ({
  page,
}) => {
  await signIn(page, dana);
  const id = await withDatabase(async (sql) => {
    const [row] = await sql.query<{ id: number }>(`SELECT "id" FROM "Article" WHERE "title" = ${sql.placeholder(1)}`, [
      'Robot orchestra performs its first symphony on video',
    ]);
    return Number(row!.id);
  });
  await page.goto(`/desk/articles/${id}`);
  const record = page.getByRole('region', { name: 'The record' });
  await expect(record.getByText('An ensemble of robots played a full symphony, and the recording is online.')).toBeVisible();
  await expect(record.getByRole('link', { name: 'Robotics' })).toHaveAttribute('href', '/topics/robotics');
  const related = record.getByRole('table', { name: /Related coverage/ });
  await expect(related.getByRole('row', { name: /Music Weekly/ })).toContainText('Robots take the stage');
  await expect(related.getByRole('link', { name: 'Robots take the stage' })).toHaveAttribute(
    'href',
    'https://music.example.com/robots-stage',
  );
  await expect(record.getByRole('table', { name: 'The file and the editors' }).getByRole('row', { name: /quality/ })).toContainText('100');
  const video = record.locator('iframe');
  await expect(video).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  await expect(video).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
  // The record's own HTML carried a script: it never ran.
  expect(await page.evaluate(() => document.title)).not.toBe('featured-content-ran');
  await expectNoAxeViolations(page);
});

test.describe('accessibility of the overview (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`overview with every chart table open, ${scheme} theme`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, dana);
      await page.goto('/desk?from=2020-01-01&to=2020-03-31');
      for (const summary of await page.locator('details.chart-table > summary').all()) await summary.click();
      await expectNoAxeViolations(page);
    });
  }
});
