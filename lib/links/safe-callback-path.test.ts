import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirect } from './safe-callback-path';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/desk')).toBe('/desk');
    expect(safeCallbackPath('/desk/articles/12?x=1#h')).toBe('/desk/articles/12?x=1#h');
    expect(safeCallbackPath('/topics/caf%C3%A9')).toBe('/topics/caf%C3%A9');
  });

  it.each([
    '/\\evil.example',
    '/%09/evil.example',
    '//evil.example',
    '/%2F/evil.example',
    '/%5Cevil.example',
    '/\t/evil.example',
    '\\\\evil.example',
    'https://evil.example/desk',
    'javascript:alert(1)',
    '/%E0%A4%A',
    'desk',
    '',
  ])('refuses %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/desk');
  });

  it('refuses what is not a string', () => {
    expect(safeCallbackPath(['/desk'])).toBe('/desk');
    expect(safeCallbackPath(undefined, '/')).toBe('/');
  });
});

describe('safeRedirect', () => {
  const base = 'https://news.example';
  it('follows same-origin URLs and paths only', () => {
    expect(safeRedirect('/desk/users', base)).toBe('https://news.example/desk/users');
    expect(safeRedirect('https://news.example/desk/tokens', base)).toBe('https://news.example/desk/tokens');
    expect(safeRedirect('https://evil.example/desk', base)).toBe('https://news.example/desk');
    expect(safeRedirect('/\\evil.example', base)).toBe('https://news.example/desk');
    expect(safeRedirect('https://news.example.evil.example/', base)).toBe('https://news.example/desk');
  });
});
