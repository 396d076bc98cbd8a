import { defineConfig, devices } from '@playwright/test';
import { resolveChromium } from './e2e/support/browser';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const browser = await resolveChromium();
// Once, in the runner process (workers load this file too).
if (process.env.TEST_WORKER_INDEX === undefined) console.log(`e2e browser: ${browser.description}`);

/**
 * End-to-end tests against the production build, served by the same start
 * script as `npm start`, on a database of their own (e2e/serve.ts).
 * Chromium is whichever e2e/support/browser.ts finds first; nothing is downloaded.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: [
        ...browser.args,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'tsx --conditions=react-server e2e/serve.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    env: { E2E_PORT: String(PORT) },
  },
});
