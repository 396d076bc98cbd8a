import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../bench/generate-articles';
import { legacyDocument, seedDocument } from '../../test/fixtures/article-files';
import { parseSimpleYaml, UNSUPPORTED } from './fast-yaml';
import { splitFrontMatter } from './parse-article-file';
import { serialiseArticleFile } from './serialise-article-file';
import { loadYamlWithJsYaml } from './yaml';

/** The fast path either gives js-yaml's exact result or steps aside. */
function expectSameAsJsYaml(yaml: string): 'fast' | 'fallback' {
  const fast = parseSimpleYaml(yaml);
  if (fast === UNSUPPORTED) return 'fallback';
  let reference: unknown;
  try {
    reference = loadYamlWithJsYaml(yaml);
  } catch (error) {
    throw new Error(`fast path accepted YAML that js-yaml rejects (${(error as Error).message}):\n${yaml}`);
  }
  if (!isDeepStrictEqual(fast, reference)) {
    throw new Error(`fast path disagrees with js-yaml:\n${yaml}\nfast: ${JSON.stringify(fast)}\njs-yaml: ${JSON.stringify(reference)}`);
  }
  return 'fast';
}

describe('parseSimpleYaml', () => {
  it('parses real and generated records exactly as js-yaml does', () => {
    for (const document of [seedDocument, legacyDocument]) {
      expect(expectSameAsJsYaml(splitFrontMatter(document).yaml)).toBe('fast');
    }
    const generate = createGenerator(7);
    for (let i = 0; i < 300; i++) {
      expect(expectSameAsJsYaml(splitFrontMatter(serialiseArticleFile(generate(i))).yaml)).toBe('fast');
    }
  });

  it('agrees with js-yaml or steps aside on awkward input', () => {
    const cases = [
      'a: 1\nb: -2\nc: +3\nd: 0\ne: 007\nf: 1.5\ng: 1e3\nh: 0x1F\ni: .inf\nj: .NaN\nk: 12345678901234567890',
      'a: true\nb: True\nc: TRUE\nd: yes\ne: no\nf: on\ng: ~\nh: null\ni: Null\nj:\nk: ""',
      'a: 2021-02-17\nb: 2021-02-17T17:45:00Z\nc: 12:30\nd: 1_000',
      'a: "esc \\" \\\\ \\n \\t \\u00e9 \\/"\nb: \'it\'\'s\'\nc: "bad \\x41"\nd: "unterminated',
      'a: plain # comment\nb: "quoted" # comment\n# full-line comment\nc: x',
      'a: &anchor 1\nb: *anchor\nc: !!str 5\nd: [1, 2]\ne: {x: 1}\nf: []\ng: {}',
      'a: |\n  literal\n  block\nb: >\n  folded\nc: multi\n  line plain',
      'list:\n- a\n- b\nnested:\n  - x: 1\n    y: 2\n  -   z: 3\n  - - deep',
      'a: 1\na: 2',
      'a:\n\tb: 1',
      'key with space: 1\n"quoted key": 2\n? complex\n: value',
      'a: x: y\nb: trailing:\nc: url://with:colons/ok',
      'a: @reserved\nb: `tick`\nc: %percent\nd: - dash\ne: -',
      '__proto__: 1',
      'a:\n  b:\n    c:\n      d: deep\n  e: back',
      'a: "x"  \nb: \'y\'   \nc: z   ',
      'top\n',
      '',
    ];
    const outcomes = cases.map(expectSameAsJsYaml);
    expect(outcomes).toContain('fast');
    expect(outcomes).toContain('fallback');
  });
});
