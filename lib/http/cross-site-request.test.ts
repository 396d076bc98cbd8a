import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './cross-site-request';

const at = (method: string, headers: Record<string, string>) =>
  new Request('http://news.example/api/desk/articles/1', { method, headers: { host: 'news.example', ...headers } });

describe('isCrossSiteRequest', () => {
  it('refuses a cookie change from another site, by Origin or by Sec-Fetch-Site', () => {
    expect(isCrossSiteRequest(at('PATCH', { origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSiteRequest(at('POST', { origin: 'null' }))).toBe(true);
    expect(isCrossSiteRequest(at('DELETE', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSiteRequest(at('POST', { 'sec-fetch-site': 'same-site', origin: 'http://news.example' }))).toBe(true);
    expect(isCrossSiteRequest(at('POST', { origin: 'http://news.example.evil.example' }))).toBe(true);
  });

  it('lets same-origin changes, reads, token calls and non-browser clients through', () => {
    expect(isCrossSiteRequest(at('PATCH', { origin: 'http://news.example', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSiteRequest(at('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isCrossSiteRequest(at('PATCH', { origin: 'https://evil.example', authorization: 'Bearer nd_x' }))).toBe(false);
    expect(isCrossSiteRequest(at('PATCH', {}))).toBe(false);
  });

  it('compares with the host the proxy says the browser used', () => {
    expect(isCrossSiteRequest(at('POST', { origin: 'https://desk.example', 'x-forwarded-host': 'desk.example' }))).toBe(false);
  });
});
