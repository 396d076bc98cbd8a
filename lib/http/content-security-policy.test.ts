import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT } from '../../components/site/theme-script-source';
import { contentSecurityPolicy, isRenderedPerRequest, newNonce, THEME_SCRIPT_HASH } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('allows only nonced scripts and the theme script on per-request pages', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123' });
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scripts).toBe(`script-src 'nonce-abc123' ${THEME_SCRIPT_HASH} 'strict-dynamic'`);
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('knows which pages are rendered per request', () => {
    for (const path of ['/desk', '/desk/users', '/signin', '/search', '/digest', '/digest/2026-11-01/email']) {
      expect(isRenderedPerRequest(path), path).toBe(true);
    }
    for (const path of ['/', '/latest', '/articles/x', '/topics/t', '/digest/2026-11-01', '/desktop']) {
      expect(isRenderedPerRequest(path), path).toBe(false);
    }
  });

  it('makes a different nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
