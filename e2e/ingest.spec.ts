/**
 * Ingest end to end: an import on the command line refreshes what readers
 * see on the running server; scripts upload archives to the API; the desk's
 * Import page uploads files with progress and shows the report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarGz } from '../test/fixtures/archives';
import { e2eDatabaseUrl } from './e2e-database';
import { withDatabase } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';
import { createTestUser, signIn, type TestUser } from './support/users';

const STORY = 'Ingest fixture: ferry crews call off the weekend strike';
const FIXTURE = readFileSync(join(process.cwd(), 'e2e/fixtures/seeds/ingest/ferry-strike.md'), 'utf8');

/** `npm run import` against the e2e database, as an operator would run it beside the server. */
function importFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-import-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import.ts', '--quiet', folder], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    return result.stdout.trim();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('an import that takes a story down (or puts it back) shows on the river, its page and the feed at once', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/latest');
  const story = page.locator('article.story').filter({ hasText: STORY });
  await expect(story).toHaveCount(1);
  const storyPath = await story.getByRole('link', { name: `Full coverage: ${STORY}` }).getAttribute('href');
  await page.goto(storyPath!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(STORY);
  expect(await (await request.get('/rss.xml')).text()).toContain(STORY);

  try {
    // Same identity (its path in the seed folder), now taken down by its file.
    expect(importFolder({ 'ingest/ferry-strike.md': FIXTURE.replace('published: true', 'published: false') })).toMatch(
      /^created 0, updated 1, unchanged 0, rejected 0/,
    );
    await expect(async () => {
      await page.goto('/latest');
      await expect(page.locator('article.story').filter({ hasText: STORY })).toHaveCount(0);
    }).toPass({ timeout: 10_000 });
    expect((await request.get(storyPath!)).status()).toBe(404);
    expect(await (await request.get('/rss.xml')).text()).not.toContain(STORY);
  } finally {
    expect(importFolder({ 'ingest/ferry-strike.md': FIXTURE })).toMatch(/^created 0, updated 1, unchanged 0, rejected 0/);
  }
  await expect(async () => {
    const response = await request.get(storyPath!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('ferry crews call off');
  }).toPass({ timeout: 10_000 });
  expect(await (await request.get('/rss.xml')).text()).toContain(STORY);
});

test('a score the file marks "not computed" (-1) reads as no score in the desk', async ({ page }) => {
  const editor = await createTestUser('EDITOR', 'sentinel');
  await signIn(page, editor);
  await page.goto(`/desk/articles?q=${encodeURIComponent('ferry crews call off')}`);
  const row = page.locator('tr').filter({ hasText: STORY });
  await expect(row.getByRole('button', { name: `Quality 40 of “${STORY}”. Edit` })).toBeVisible();
  // The heat column: a dash that says "no score", never the sentinel itself.
  await expect(row.getByLabel('no score')).toHaveText('—');
  await expect(row.getByRole('cell', { name: /^-\d+$/ })).toHaveCount(0);
});

test.describe('imports from scripts and from the desk', () => {
  let importer: TestUser;
  let token: string;

  test.beforeAll(async ({ browser }) => {
    importer = await createTestUser('IMPORTER', 'ingest-bot');
    const page = await browser.newPage();
    await signIn(page, importer, 'Import');
    await page.goto('/desk/tokens');
    await page.getByLabel('Token name').fill('nightly feed');
    await page.getByRole('button', { name: 'Create token' }).click();
    token = (await page.locator('code.token').innerText()).trim();
    await page.close();
  });

  test('a script posts a .tar.gz with an importer token and gets the per-file report; strangers are refused, and the importer can do nothing else', async ({
    request,
  }) => {
    const archive = await tarGz([
      {
        name: './wire/tide-tables.md',
        text: FIXTURE.replace(STORY, 'Ingest fixture: tide tables printed early').replace('ferry-strike-off', 'tide-tables'),
      },
      { name: './wire/broken.md', text: '---\ntitle: no date\n---\n' },
    ]);
    const post = (headers: Record<string, string>) =>
      request.post('/api/desk/imports', { headers: { 'Content-Type': 'application/gzip', ...headers }, data: archive });
    expect((await post({})).status()).toBe(401);
    const response = await post({ Authorization: `Bearer ${token}` });
    expect(response.status()).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.files).toEqual([
      { path: 'wire/broken.md', outcome: 'rejected', errors: ['publishedDateTime: is required', 'provider: is required'] },
      { path: 'wire/tide-tables.md', outcome: 'created' },
    ]);
    expect(await (await post({ Authorization: `Bearer ${token}` })).json()).toMatchObject({ created: 0, unchanged: 1, rejected: 1 });
    // An importer can import and nothing else.
    expect((await request.get('/api/desk/articles', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(403);
    const audited = await withDatabase((sql) =>
      sql.query<{ outcome: string; via: string }>(
        `SELECT e."outcome", e."via" FROM "AuditEvent" e JOIN "User" u ON u."id" = e."actorId" WHERE e."action" = 'articles.import' AND u."email" = ${sql.placeholder(1)}`,
        [importer.email],
      ),
    );
    expect(audited).toEqual([
      { outcome: 'ok', via: 'api' },
      { outcome: 'ok', via: 'api' },
    ]);
  });

  test('the Import page uploads files with a progress bar, then shows and hands out the report', async ({ page }) => {
    const admin = await createTestUser('ADMIN', 'ingest-admin');
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await waitForHydration(page);
    await expect(page.getByText(/At most 200 MB per upload and 20,000 files/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Seed files or an archive').setInputFiles([
      {
        name: 'lighthouse.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(FIXTURE.replace(STORY, 'Ingest fixture: lighthouse repainted').replace('ferry-strike-off', 'lighthouse')),
      },
      { name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.from('---\n---\n') },
    ]);
    await page.getByRole('button', { name: 'Import files' }).click();
    const result = page.getByRole('status').filter({ hasText: 'created 1, updated 0, unchanged 0, rejected 1' });
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('table', { name: 'Rejected files' }).getByRole('row', { name: /empty\.md/ })).toContainText(
      'the front matter is empty',
    );
    const download = page.waitForEvent('download');
    await result.getByRole('link', { name: 'Download the report (CSV)' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toBe(
      'path,outcome,reasons\r\n"empty.md","rejected","(document): the front matter is empty"\r\n"lighthouse.md","created",""\r\n',
    );
    // The run is recorded: who, what, how it ended.
    const recent = page.getByRole('table', { name: 'Recent imports' });
    await expect(recent.getByRole('row').nth(1)).toContainText(admin.email);
    await expect(recent.getByRole('row').nth(1)).toContainText('done');
  });

  test('the progress bar follows the upload’s bytes on a slow connection', async ({ page }) => {
    await signIn(page, importer, 'Import');
    await waitForHydration(page);
    const network = await page.context().newCDPSession(page);
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 100 * 1024,
    });
    const large = FIXTURE.replace(STORY, 'Ingest fixture: archive notes')
      .replace('ferry-strike-off', 'archive-notes')
      .replace('published: true', `published: false\nnotes: "${'archived note '.repeat(30_000)}"`);
    await page
      .getByLabel('Seed files or an archive')
      .setInputFiles([{ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(large) }]);
    await page.getByRole('button', { name: 'Import files' }).click();
    await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
    await expect(page.getByText(/Uploading [\d.]+ (KB|MB|bytes) of [\d.]+ KB \(\d+%\)/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'created 1, updated 0, unchanged 0, rejected 0' })).toBeVisible({
      timeout: 30_000,
    });
  });

  test('an importer lands on the Import page and sees only what it may use', async ({ page }) => {
    await signIn(page, importer, 'Import');
    const nav = page.getByRole('navigation', { name: 'Desk' });
    await expect(nav.getByRole('link', { name: 'Import' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Articles' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  });
});
