import { describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, minimalDocument, seedDocument } from '../../test/fixtures/article-files';
import { contentHash, fromArticleRows, toArticleRows, type ArticleRows, type StoredArticle } from './article-rows';
import { parseArticleFile } from './parse-article-file';
import { serialiseArticleFile } from './serialise-article-file';

function parse(text: string) {
  const outcome = parseArticleFile(text);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.value;
}

/** What the database would hand back for these rows, before any editor touched them. */
function stored(rows: ArticleRows): StoredArticle {
  return {
    article: {
      ...rows.article,
      filePath: rows.filePath,
      published: rows.article.filePublished ?? false,
      quality: rows.article.fileQuality ?? null,
      publishedEditedAt: null,
      qualityEditedAt: null,
    },
    sourceDomain: rows.source.domain,
    images: rows.images,
    topics: rows.topics,
    related: rows.related.map((link) => ({ ...link.columns, sourceDomain: link.source?.domain ?? null })),
  };
}

describe('toArticleRows / fromArticleRows', () => {
  for (const [name, document] of Object.entries({ seedDocument, everyFieldDocument, legacyDocument, minimalDocument })) {
    it(`round-trips ${name} without loss`, () => {
      const { record, body } = parse(document);
      const rows = toArticleRows(record, body, 'folder/file.md', 'hash');
      const rebuilt = fromArticleRows(stored(rows));
      expect(rebuilt).toEqual(record);
      const reparsed = parse(serialiseArticleFile(rebuilt, body));
      expect(reparsed.record).toEqual(record);
      expect(reparsed.body).toEqual(body);
      expect(contentHash(reparsed.record, reparsed.body)).toBe(contentHash(record, body));
    });
  }

  it('never invents published or quality, and exports editors’ values once they edited', () => {
    const { record, body } = parse(legacyDocument);
    const article = stored(toArticleRows(record, body, 'legacy.md', 'hash'));
    expect(fromArticleRows(article)).not.toHaveProperty('published');
    expect(fromArticleRows(article)).not.toHaveProperty('quality');
    const edited = {
      ...article,
      article: { ...article.article, published: true, publishedEditedAt: new Date(), quality: 42, qualityEditedAt: new Date() },
    };
    expect(fromArticleRows(edited)).toMatchObject({ published: true, quality: 42 });
    expect(fromArticleRows(edited, { editorial: false })).not.toHaveProperty('published');
  });

  it('hashes content, not formatting', () => {
    const { record, body } = parse(everyFieldDocument);
    const reordered = parse(
      everyFieldDocument.replace('tags: [one, two]\n', '').replace('---\ncategory', '---\ntags: [one, two]\ncategory'),
    );
    expect(contentHash(reordered.record, reordered.body)).toBe(contentHash(record, body));
    const edited = parse(everyFieldDocument.replace('heat: 1000', 'heat: 999'));
    expect(contentHash(edited.record, edited.body)).not.toBe(contentHash(record, body));
  });

  it('derives the sort keys and the search text', () => {
    const { record, body } = parse(seedDocument);
    const rows = toArticleRows(record, body, 'seed.txt', 'hash');
    expect(String(rows.article.relatedTitles).split('\n')).toHaveLength(8);
    expect(rows.topics.map((topic) => topic.slug)).toEqual(['ai', 'computer-vision']);
    expect(rows.article.trendingRank).toBeGreaterThan(0);
  });
});
