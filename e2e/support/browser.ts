/**
 * Which Chromium the end-to-end tests drive, in this order: CHROMIUM_PATH, a
 * system Chromium or Chrome, Playwright's own browser cache, and finally the
 * Chromium that ships inside the @sparticuz/chromium npm package (extracted
 * to a temporary folder), so `npm install && npm test` works on a machine
 * that has only Node. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type BrowserChoice = { executablePath: string; args: string[]; description: string };

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/**
 * Flags the packaged build starts with (it is made for one page per process
 * in a serverless function) that do not fit a test run: one process dies with
 * its first closed context, and the others would weaken what the tests check
 * (same-origin rules, mixed content).
 */
const UNSUITED_FLAGS = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

type Candidates = {
  env: Record<string, string | undefined>;
  systemBrowsers: string[];
  playwrightCache: () => string | undefined;
  packaged: () => Promise<{ executablePath: string; args: string[] } | undefined>;
  exists: (path: string) => boolean;
};

function playwrightCache(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

async function packagedChromium() {
  try {
    const { default: Packaged } = await import('@sparticuz/chromium');
    const executablePath = await Packaged.executablePath();
    return { executablePath, args: Packaged.args.filter((flag) => !UNSUITED_FLAGS.has(flag)) };
  } catch {
    return undefined;
  }
}

export async function resolveChromium(candidates: Partial<Candidates> = {}): Promise<BrowserChoice> {
  const { env = process.env, systemBrowsers = SYSTEM_BROWSERS, exists = existsSync } = candidates;
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!exists(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return { executablePath: configured, args: [], description: `CHROMIUM_PATH (${configured})` };
  }
  const system = systemBrowsers.find(exists);
  if (system) return { executablePath: system, args: [], description: `the system browser (${system})` };
  const cached = (candidates.playwrightCache ?? playwrightCache)();
  if (cached && exists(cached)) return { executablePath: cached, args: [], description: `Playwright's browser cache (${cached})` };
  const packaged = await (candidates.packaged ?? packagedChromium)();
  if (packaged && exists(packaged.executablePath)) {
    return { ...packaged, description: `the Chromium inside @sparticuz/chromium (${packaged.executablePath})` };
  }
  throw new Error(
    'No Chromium for the end-to-end tests: set CHROMIUM_PATH, install one (apt-get install -y chromium), or run `npm install` so @sparticuz/chromium is present.',
  );
}
