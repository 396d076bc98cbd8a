/**
 * Playwright's `test`, with the outside world stubbed: these machines are
 * offline, so remote images fail fast (as they may in real life) and
 * external links land on a stub page that says where they went.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ page: Page }>({
  page: async ({ page, baseURL }, provide) => {
    await page.route(
      (url) => !url.href.startsWith(baseURL ?? 'http://127.0.0.1'),
      (route) =>
        route.request().resourceType() === 'document'
          ? route.fulfill({ contentType: 'text/html', body: `<title>external</title><p>external: ${route.request().url()}</p>` })
          : route.abort(),
    );
    await provide(page);
  },
});

export { expect };

/** axe-core with the WCAG 2.1 A/AA rules: the page must have no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Client components are interactive once React has hydrated: the theme toggle's label says so. */
export async function waitForHydration(page: Page) {
  await page.getByRole('button', { name: /^Switch to (dark|light) theme$/ }).waitFor();
}
