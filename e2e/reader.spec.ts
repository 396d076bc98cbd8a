import Parser from 'rss-parser';
import { articleIdByTitle, publishedCount, visibleStoryCount } from './support/database';
import { expect, expectNoAxeViolations, test, waitForHydration } from './support/test';

const SEED_TITLE = 'ACLU, civil rights groups urge Biden to halt use of facial recognition technology';
const VIDEO_TITLE = 'Robot orchestra performs its first symphony on video';
const UNPUBLISHED_TITLE = 'Embargoed zeppelin quantum breakthrough';
const DRAFT_TITLE = 'Marmalade draft that has no published flag';
const HOSTILE_TITLE = 'Hostile <img src=x onerror=alert(1)> headline </script>';

const storyTitles = (page: import('@playwright/test').Page) => page.locator('article.story h2').allInnerTexts();

test.describe('the river', () => {
  test('offers three orders, each led by the story that order ranks first', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Newsdesk/);
    await expect(page.getByRole('heading', { level: 1, name: 'Top stories' })).toBeVisible();
    expect((await storyTitles(page))[0]).toBe(SEED_TITLE); // quality 134, the highest published
    await page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: 'Latest' }).click();
    await expect(page).toHaveURL(/\/latest$/);
    expect((await storyTitles(page))[0]).toBe(VIDEO_TITLE); // 2021-03-01, the newest published
    await page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: 'Trending' }).click();
    await expect(page.getByRole('link', { name: 'Trending', exact: true }).last()).toHaveAttribute('aria-current', 'page');
    expect((await storyTitles(page))[0]).toBe(VIDEO_TITLE); // heat 500, and newest
  });

  test('shows each story with its source, time, topics and related coverage, collapsed beyond three', async ({ page }) => {
    await page.goto('/');
    const story = page.locator('article.story').filter({ hasText: SEED_TITLE });
    await expect(story.getByRole('link', { name: SEED_TITLE, exact: true })).toHaveAttribute(
      'href',
      'https://www.aclu.org/letter/coalition-letter-president-biden-use-facial-recognition-technology',
    );
    await expect(story.getByRole('link', { name: 'The Hill' })).toHaveAttribute('href', '/sources/thehill.com');
    await expect(story.locator('time')).toHaveAttribute('datetime', '2021-02-17T17:45:00.000Z');
    await expect(story.locator('time')).toHaveAttribute('title', 'Feb 17, 2021, 5:45 PM UTC');
    await expect(story.getByRole('link', { name: 'Computer Vision' })).toHaveAttribute('href', '/topics/computer-vision');
    const related = story.locator('.related');
    await expect(related.getByRole('link', { name: 'The Daily Dot' })).toBeVisible();
    await expect(related.getByRole('link', { name: 'Harvard Medical School' })).toBeHidden();
    await related.getByText('5 more sources').click();
    await expect(related.getByRole('link', { name: 'Harvard Medical School' })).toBeVisible();
    const image = story.locator('img.story-image');
    if (await image.count()) await expect(image).toHaveAttribute('width', '1200');
  });

  test('pages through every published story without duplicates or gaps', async ({ page }) => {
    // One entry per story, however many of its articles are published.
    const expected = await visibleStoryCount();
    const seen: string[] = [];
    await page.goto('/latest');
    for (let guard = 0; guard < 20; guard++) {
      seen.push(
        ...(await page.locator('article.story').evaluateAll((items) => items.map((item) => item.getAttribute('aria-labelledby') ?? ''))),
      );
      const next = page.getByRole('link', { name: 'More stories →' });
      if ((await next.count()) === 0) break;
      const href = await next.getAttribute('href');
      await next.click();
      await page.waitForURL(`**${href}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected);
  });
});

test.describe('a story page', () => {
  test('shows the full record, its coverage and stories on the same topics', async ({ page }) => {
    await page.goto('/');
    await page
      .locator('article.story')
      .filter({ hasText: SEED_TITLE })
      .getByRole('link', { name: /Full coverage/ })
      .click();
    await expect(page).toHaveURL(/\/articles\/\d+-aclu-civil-rights-groups-urge-biden/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    await expect(page.getByRole('link', { name: 'Read at The Hill' })).toHaveAttribute('href', /aclu\.org\/letter/);
    await expect(page.getByRole('link', { name: 'Original report' })).toHaveAttribute('href', /thehill\.com/);
    await expect(page.getByRole('heading', { name: /^Full coverage \(8 links, \d+ sources\)$/ })).toBeVisible();
    await expect(page.locator('.coverage-item')).toHaveCount(8);
    await expect(page.locator('.coverage').getByRole('link', { name: 'AMP' }).first()).toHaveAttribute('href', /dailydot\.com.*\?amp$/);
    await expect(page.getByRole('heading', { name: 'More on these topics' })).toBeVisible();
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: SEED_TITLE, datePublished: '2021-02-17T17:45:00.000Z' });
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/articles\/\d+-aclu/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', SEED_TITLE);
  });

  test('redirects an id-only or stale slug to the canonical one', async ({ page }) => {
    const id = await articleIdByTitle(SEED_TITLE);
    await page.goto(`/articles/${id}`);
    await expect(page).toHaveURL(new RegExp(`/articles/${id}-aclu-civil-rights`));
  });

  test('renders its own video embed from the record’s featured content, never the HTML itself', async ({ page }) => {
    const id = await articleIdByTitle(VIDEO_TITLE);
    await page.goto(`/articles/${id}`);
    await expect(page.locator('iframe')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await page.title()).not.toBe('featured-content-ran');
    expect(await page.content()).not.toContain('featured-content-ran"</script>');
  });

  test('keeps hostile text as text', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto('/latest');
    await expect(page.getByRole('link', { name: HOSTILE_TITLE, exact: true })).toBeVisible();
    const id = await articleIdByTitle(HOSTILE_TITLE);
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_TITLE);
    await expect(page.getByText("<b>Not bold</b> & <script>document.title='pwned'</script> kept as text")).toBeVisible();
    expect(await page.title()).not.toBe('pwned');
    expect(dialogs).toBe(0);
    expect(await page.locator('script[type="application/ld+json"]').textContent()).toContain('\\u003c/script');
  });
});

test('topic and source pages list their stories and advertise their feeds', async ({ page }) => {
  await page.goto('/topics');
  await page.getByRole('link', { name: 'Robotics', exact: true }).click();
  await expect(page).toHaveURL('/topics/robotics');
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics' })).toBeVisible();
  await expect(page.getByRole('link', { name: VIDEO_TITLE, exact: true })).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/topics\/robotics\/rss\.xml$/);
  await page.goto('/sources/thehill.com');
  await expect(page.getByRole('heading', { level: 1, name: 'The Hill' })).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_TITLE, exact: true })).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    /\/sources\/thehill\.com\/atom\.xml$/,
  );
});

test('search ranks matches, marks the matched words, and helps when nothing matches', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search stories' })).toBeFocused();
  await page.keyboard.type('facial recog');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=facial\+recog/);
  await expect(page.getByRole('status')).toContainText('match');
  const first = page.locator('article.story').first();
  await expect(first.getByRole('heading')).toHaveText(SEED_TITLE);
  await expect(first.locator('h2 mark').first()).toHaveText(/facial/i);
  await page.goto('/search?q=symphony+robots');
  await expect(page.locator('article.story').first().getByRole('heading')).toHaveText(VIDEO_TITLE);
  await page.goto('/search?q=stage');
  await expect(page.locator('.search-related mark')).toHaveText(/stage/i); // found through related coverage
  await page.goto('/search?q=xyzzy+plugh');
  await expect(page.getByText('No published story matches')).toBeVisible();
  await expect(page.getByText('Or browse a topic:')).toBeVisible();
});

test.describe('feeds', () => {
  const parser = new Parser();

  test('home, topic and source feeds parse as RSS 2.0, Atom 1.0 and JSON Feed 1.1', async ({ request }) => {
    const rss = await parser.parseString(await (await request.get('/rss.xml')).text());
    expect(rss.title).toBe('Newsdesk');
    expect(rss.items[0]).toMatchObject({ title: VIDEO_TITLE, link: 'https://video.example.org/robot-orchestra' });
    expect(rss.items[0]?.guid).toMatch(/\/articles\/\d+-robot-orchestra/);
    expect(rss.items[0]?.isoDate).toBe('2021-03-01T12:00:00.000Z');

    const atom = await parser.parseString(await (await request.get('/atom.xml')).text());
    expect(atom.items.length).toBe(rss.items.length);
    expect(atom.items[0]?.title).toBe(VIDEO_TITLE);
    expect(atom.items[0]?.id).toMatch(/\/articles\/\d+/);

    const response = await request.get('/feed.json');
    expect(response.headers()['content-type']).toContain('application/feed+json');
    const json = await response.json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toMatchObject({ title: VIDEO_TITLE, url: 'https://video.example.org/robot-orchestra' });
    for (const item of json.items) expect(item.id && (item.content_text || item.content_html)).toBeTruthy();

    const topic = await parser.parseString(await (await request.get('/topics/computer-vision/rss.xml')).text());
    expect(topic.items.map((item) => item.title)).toContain(SEED_TITLE);
    const source = await parser.parseString(await (await request.get('/sources/thehill.com/atom.xml')).text());
    expect(source.items.map((item) => item.title)).toEqual([SEED_TITLE]);
    const hostile = await parser.parseString(await (await request.get('/sources/hostile.example.com/rss.xml')).text());
    expect(hostile.items[0]?.title).toBe(HOSTILE_TITLE);
  });
});

test('unpublished stories and drafts are invisible to readers everywhere', async ({ page, request }) => {
  for (const path of ['/', '/latest', '/trending', '/topics', '/rss.xml', '/atom.xml', '/feed.json', '/sitemaps/1.xml']) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain('zeppelin');
    expect(body, path).not.toContain('Marmalade');
  }
  for (const id of [await articleIdByTitle(UNPUBLISHED_TITLE), await articleIdByTitle(DRAFT_TITLE)]) {
    expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  }
  expect((await request.get('/topics/zeppelins')).status()).toBe(404);
  expect((await request.get('/topics/zeppelins/rss.xml')).status()).toBe(404);
  expect((await request.get('/sources/secret.example.net')).status()).toBe(404);
  await page.goto('/search?q=zeppelin');
  await expect(page.getByText('No published story matches')).toBeVisible();
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('<sitemapindex');
  const storyCount = (await (await request.get('/sitemaps/1.xml')).text()).match(/<url>/g)?.length;
  expect(storyCount).toBe(await publishedCount());
});

test('keyboard: j/k move between stories, o opens the focused one', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.keyboard.press('j');
  const stories = page.locator('article.story');
  await expect(stories.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(stories.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(stories.nth(0)).toBeFocused();
  await page.keyboard.press('o');
  await expect(page).toHaveURL('https://www.aclu.org/letter/coalition-letter-president-biden-use-facial-recognition-technology');
});

test('dark mode follows the system, and the toggle’s choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(18, 20, 23)');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.reload();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});

test('unknown pages answer 404 with a helpful page', async ({ page }) => {
  const response = await page.goto('/articles/999999999-nothing');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await page.goto('/no/such/page'))?.status()).toBe(404);
  expect((await page.goto('/latest/after/not-a-cursor'))?.status()).toBe(404);
});

test('works at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('link', { name: SEED_TITLE, exact: true })).toBeVisible();
});

test.describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  // Many pages, each analysed in full: on a busy machine this takes longer than one ordinary test.
  test.slow();
  for (const scheme of ['light', 'dark'] as const) {
    test(`every reader page type, ${scheme} theme`, async ({ page }) => {
      // Ten pages, each rendered and analysed: on a busy two-core machine that outlasts the default 30 s.
      test.slow();
      await page.emulateMedia({ colorScheme: scheme });
      const id = await articleIdByTitle(SEED_TITLE);
      for (const path of [
        '/',
        '/latest',
        `/articles/${id}`,
        '/topics',
        '/topics/ai',
        '/sources/thehill.com',
        '/search?q=facial',
        '/search?q=xyzzy',
        '/search',
        '/nope',
      ]) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
    });
  }
});
