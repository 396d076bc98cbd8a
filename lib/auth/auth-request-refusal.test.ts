import { describe, expect, it } from 'vitest';
import { authRequestRefusal } from './auth-request-refusal';

const check = (path: string, cookies: Record<string, string> = {}) =>
  authRequestRefusal(new URL(path, 'http://news.example'), (name) => cookies[name]);

describe('authRequestRefusal', () => {
  it('lets next-auth have the requests it handles', () => {
    expect(check('/api/auth/session')).toBeNull();
    expect(check('/api/auth/callback/credentials')).toBeNull();
    expect(check('/api/auth/signin/github?callbackUrl=%2Fdesk')).toBeNull();
    expect(check('/api/auth/error?error=CredentialsSignin')).toBeNull();
    expect(check('/api/auth/csrf', { 'next-auth.callback-url': 'http://news.example/desk' })).toBeNull();
  });

  it('refuses what next-auth would answer with a 500', () => {
    expect(check('/api/auth/session?callbackUrl=0')).toBe('callbackUrl must be a URL on this site');
    expect(check('/api/auth/session?callbackUrl=%25')).toBe('callbackUrl must be a URL on this site');
    expect(check('/api/auth/session?callbackUrl=javascript:alert(1)')).toBe('callbackUrl must be a URL on this site');
    expect(check('/api/auth/error?error=%FF')).toBe('error must be a short code');
    expect(check('/api/auth/error?error=%00')).toBe('error must be a short code');
    expect(check('/api/auth/signin/%F0%9F%92%A9')).toBe('unknown auth route');
    expect(check('/api/auth/csrf', { 'next-auth.callback-url': '-1' })).toBe('the callback-url cookie must be a URL on this site');
  });
});
