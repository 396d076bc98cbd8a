import { describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, minimalDocument, seedDocument, withField } from '../../test/fixtures/article-files';
import { parseArticleFile } from './parse-article-file';

function errorsOf(text: string): string[] {
  const outcome = parseArticleFile(text);
  if (outcome.ok) throw new Error('expected the document to be rejected');
  return outcome.errors;
}

describe('parseArticleFile', () => {
  it('parses the seed record with every field it carries', () => {
    const outcome = parseArticleFile(seedDocument);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { record, body, unknownKeys } = outcome.value;
    expect(record.title).toBe('ACLU, civil rights groups urge Biden to halt use of facial recognition technology');
    expect(record.publishedDateTime).toBe('2021-02-17T17:45:00Z');
    expect(record.quality).toBe(134);
    expect(record.heat).toBe(214);
    expect(record.published).toBe(true);
    expect(record.provider).toEqual({ name: 'The Hill', domain: 'thehill.com' });
    expect(record.topics).toEqual(['AI', 'Computer Vision']);
    expect(record.related).toHaveLength(8);
    expect(record.related?.[2]?.images).toBeUndefined();
    expect(record.related?.[0]?.provider?.name).toBe('The Daily Dot');
    expect(record.secured).toMatch(/;7MvJL2fZJk07gw6nr\+GrsA==$/);
    expect(body).toBeNull();
    expect(unknownKeys).toEqual([]);
  });

  it('accepts older records without originalUrl, scores or published flag', () => {
    const outcome = parseArticleFile(legacyDocument);
    expect(outcome.ok && outcome.value.record).toMatchObject({ webUrl: 'https://legacy.example.com/story' });
    if (!outcome.ok) return;
    expect(outcome.value.record.quality).toBeUndefined();
    expect(outcome.value.record.published).toBeUndefined();
    expect(parseArticleFile(minimalDocument).ok).toBe(true);
  });

  it('keeps unknown keys at every level and names each once', () => {
    const outcome = parseArticleFile(everyFieldDocument);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.unknownKeys.sort()).toEqual(
      ['ampWebUrlNote', 'images[].credit', 'provider.founded', 'related[].provider.rank', 'related[].sponsored', 'tags'].sort(),
    );
    expect(outcome.value.record).toMatchObject({ tags: ['one', 'two'], provider: { founded: 1999 } });
    expect(outcome.value.body).toBe('A body that is not empty.\n');
    expect(outcome.value.record.publishedDateTime).toBe('2024-05-01T06:30:00Z');
    expect(outcome.value.record.excerpt).toBe("It's all here — “quotes”, café, and a colon: too");
  });

  it('names the field and the reason for each problem', () => {
    expect(errorsOf(withField(seedDocument, 'quality: 134', 'quality: high'))).toEqual(['quality: must be a whole number (got "high")']);
    expect(errorsOf(withField(seedDocument, 'quality: 134', 'quality: 13.5'))).toEqual([
      'quality: must be a whole number (got number 13.5)',
    ]);
    expect(errorsOf(withField(seedDocument, 'quality: 134', 'quality: 2147483648'))).toEqual(['quality: must be at most 2147483647']);
    expect(errorsOf(withField(seedDocument, 'publishedDateTime: 2021-02-17T17:45:00Z', 'publishedDateTime: 2021-02-30T10:00:00Z'))).toEqual(
      ['publishedDateTime: must be an ISO-8601 date-time (got "2021-02-30T10:00:00Z")'],
    );
    expect(
      errorsOf(
        withField(
          seedDocument,
          'webUrl: "https://www.nasdaq.com/articles/french-watchdog-warns-sports-club-about-unlawful-use-of-facial-recognition-technology-2021"',
          'webUrl: "javascript:alert(1)"',
        ),
      ),
    ).toEqual(['related[2].webUrl: must be an http(s) URL (got "javascript:alert(1)")']);
    expect(errorsOf(withField(seedDocument, '    width: 1200\n    height: 628', '    width: "wide"\n    height: 628'))).toEqual([
      'images[0].width: must be a whole number (got "wide")',
    ]);
    expect(errorsOf(withField(seedDocument, 'published: true', 'published: yes'))).toEqual([
      'published: must be true or false (got "yes")',
    ]);
    expect(errorsOf(withField(seedDocument, '  - AI\n', '  - name: AI\n'))).toEqual(['topics[0]: must be text (got a mapping)']);
  });

  it('keeps what producers legitimately write: negative score sentinels, empty optional links', () => {
    const outcome = parseArticleFile(
      withField(withField(seedDocument, 'quality: 134', 'quality: -3'), 'heat: 214', 'heat: -1\nampWebUrl: ""'),
    );
    expect(outcome.ok && [outcome.value.record.quality, outcome.value.record.heat, outcome.value.record.ampWebUrl]).toEqual([-3, -1, '']);
    expect(errorsOf(withField(minimalDocument, 'originalUrl: http://minimal.example.com/', 'originalUrl: ""'))).toEqual([
      'webUrl: needs a webUrl or an originalUrl to link to',
    ]);
  });

  it('reports a missing title and a missing link', () => {
    const noTitle = withField(
      seedDocument,
      'title: "ACLU, civil rights groups urge Biden to halt use of facial recognition technology"\n',
      '',
    );
    expect(errorsOf(noTitle)).toEqual(['title: is required']);
    expect(errorsOf(withField(minimalDocument, 'originalUrl: http://minimal.example.com/\n', ''))).toEqual([
      'webUrl: needs a webUrl or an originalUrl to link to',
    ]);
    expect(errorsOf(withField(minimalDocument, 'title: Minimal', 'title: "   "'))).toEqual(['title: must not be empty']);
  });

  it('reports broken YAML and broken front matter with a line number', () => {
    expect(errorsOf('---\ntitle: "unterminated\nexcerpt: x\n---\n')[0]).toMatch(/^\(document\): invalid YAML at line \d+/);
    expect(errorsOf('---\ntitle: [a, b\n---\n')[0]).toMatch(/^\(document\): invalid YAML at line 3, column 1: /);
    expect(errorsOf('---\ntitle: a\ntitle: b\n---\n')[0]).toMatch(/duplicat/);
    expect(errorsOf('title: x\n')).toEqual(['(document): the file must start with a "---" line opening the front matter']);
    expect(errorsOf('---\ntitle: x\n')).toEqual(['(document): no closing "---" line ends the front matter']);
    expect(errorsOf('---\n---\n')).toEqual(['(document): the front matter is empty']);
    expect(errorsOf('---\n- a\n- b\n---\n')).toEqual(['(document): must be a mapping of fields (got a list)']);
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const windows = `\uFEFF${seedDocument.replaceAll('\n', '\r\n')}`;
    const outcome = parseArticleFile(windows);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value.record.related).toHaveLength(8);
  });
});
