import { describe, expect, it } from 'vitest';
import { decodeSegment } from './decode-segment';
import { storyIdFromSlug } from './story-path';

describe('decodeSegment', () => {
  it('decodes valid segments and refuses broken or over-long ones', () => {
    expect(decodeSegment('caf%C3%A9')).toBe('café');
    expect(decodeSegment('%25')).toBe('%');
    for (const broken of ['%', '%FF', '%E0%A4%A', '%C0%AF', 'a%zz']) expect(decodeSegment(broken), broken).toBeNull();
    expect(decodeSegment('a'.repeat(2000))).toBeNull();
  });
});

describe('storyIdFromSlug', () => {
  it('keeps ids an id column can hold and refuses broken encodings', () => {
    expect(storyIdFromSlug('42-a-title')).toBe(42);
    expect(storyIdFromSlug('2147483647')).toBe(2_147_483_647);
    expect(storyIdFromSlug('2147483648-x')).toBeNull();
    expect(storyIdFromSlug('9999999999')).toBeNull();
    expect(storyIdFromSlug('%E0%A4%A')).toBeNull();
    expect(storyIdFromSlug('0')).toBeNull();
  });
});
