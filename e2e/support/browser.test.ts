import { describe, expect, it } from 'vitest';
import { resolveChromium } from './browser';

const present =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);
const none = { playwrightCache: () => undefined, packaged: async () => undefined };

describe('resolveChromium', () => {
  it('prefers CHROMIUM_PATH, then a system browser, then Playwright’s cache, then the packaged one', async () => {
    const packaged = async () => ({ executablePath: '/tmp/chromium', args: ['--no-sandbox'] });
    const all = present('/custom/chrome', '/usr/bin/chromium', '/cache/chrome', '/tmp/chromium');
    const options = { systemBrowsers: ['/usr/bin/chromium'], playwrightCache: () => '/cache/chrome', packaged, exists: all };
    expect((await resolveChromium({ ...options, env: { CHROMIUM_PATH: '/custom/chrome' } })).executablePath).toBe('/custom/chrome');
    expect((await resolveChromium({ ...options, env: {} })).executablePath).toBe('/usr/bin/chromium');
    const noSystem = { ...options, env: {}, exists: present('/cache/chrome', '/tmp/chromium') };
    expect((await resolveChromium(noSystem)).executablePath).toBe('/cache/chrome');
    const onlyPackaged = await resolveChromium({ ...options, env: {}, exists: present('/tmp/chromium') });
    expect(onlyPackaged).toMatchObject({ executablePath: '/tmp/chromium', args: ['--no-sandbox'] });
    expect(onlyPackaged.description).toContain('@sparticuz/chromium');
  });

  it('says clearly when CHROMIUM_PATH points nowhere, or when there is no browser at all', async () => {
    await expect(resolveChromium({ ...none, env: { CHROMIUM_PATH: '/nope' }, exists: present() })).rejects.toThrow(
      '/nope, which does not exist',
    );
    await expect(resolveChromium({ ...none, env: {}, systemBrowsers: [], exists: present() })).rejects.toThrow(
      /No Chromium for the end-to-end tests/,
    );
  });

  it('finds the Chromium packaged on npm when nothing else is there', async () => {
    const choice = await resolveChromium({ env: {}, systemBrowsers: [], playwrightCache: () => undefined });
    expect(choice.description).toContain('@sparticuz/chromium');
    expect(choice.args).not.toContain('--disable-web-security');
  }, 60_000);
});
