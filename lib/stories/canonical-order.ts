import type { ClusterInput } from './cluster-input';

/**
 * The one order every result is defined by: publication time, then key.
 * Keys are unique, so no two articles tie and the order never depends on
 * the order the articles were given in.
 */
export function compareCanonical(a: Pick<ClusterInput, 'publishedAt' | 'key'>, b: Pick<ClusterInput, 'publishedAt' | 'key'>): number {
  const byTime = a.publishedAt.getTime() - b.publishedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A sorted copy; throws on a repeated key, which would make the order ambiguous. */
export function sortCanonical<T extends Pick<ClusterInput, 'publishedAt' | 'key'>>(articles: readonly T[]): T[] {
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.key)) throw new Error(`article key ${article.key} appears twice`);
    seen.add(article.key);
  }
  return [...articles].sort(compareCanonical);
}
