import { describe, expect, it } from 'vitest';
import { malformedUrlReason } from './malformed-url.mjs';

describe('malformedUrlReason', () => {
  it('refuses broken percent-encodings and control characters', () => {
    for (const url of ['/topics/%', '/topics/%/rss.xml', '/articles/%FF', '/a/%C0%AF', '/a/%E0%A4%A', '/api/desk/articles/%']) {
      expect(malformedUrlReason(url), url).toBe('the path is not valid percent-encoded UTF-8');
    }
    expect(malformedUrlReason('/topics/%00')).toBe('the path holds a control character');
    expect(malformedUrlReason('/search?q=%00')).toBe('the query holds a control character');
  });

  it('lets every real URL through', () => {
    for (const url of [
      '/',
      '/topics/%25/rss.xml',
      '/topics/caf%C3%A9',
      '/search?q=%FF',
      '/search?q=a%0Ab',
      '/articles/12-x?y=1&z',
      '/%F0%9F%92%A9',
    ]) {
      expect(malformedUrlReason(url), url).toBeNull();
    }
  });
});
