import { describe, expect, it } from 'vitest';
import { parseQualityText } from './desk';

describe('parseQualityText', () => {
  it('takes whole numbers in range, with surrounding spaces', () => {
    expect(parseQualityText(' 250 ')).toEqual({ ok: true, value: 250 });
    expect(parseQualityText('0')).toEqual({ ok: true, value: 0 });
    expect(parseQualityText('1000')).toEqual({ ok: true, value: 1000 });
  });

  it('explains what is wrong with anything else', () => {
    for (const text of ['', 'abc', '2.5', '1e3']) {
      expect(parseQualityText(text)).toEqual({ ok: false, error: 'Quality must be a whole number from 0 to 1000.' });
    }
    for (const text of ['-1', '1001']) expect(parseQualityText(text)).toEqual({ ok: false, error: 'Quality must be from 0 to 1000.' });
  });
});
