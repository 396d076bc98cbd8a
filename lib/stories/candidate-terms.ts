import { articleFeatures } from './article-features';
import type { ClusterInput } from './cluster-input';

/**
 * The full-weight headline terms (stemmed, lower case, sorted). Two articles
 * can compare as the same story by text only if they share one of these
 * (compareArticles requires it), so indexing every leader's terms and
 * querying a new article's terms with OR retrieves every leader it could
 * join. Typically 3–8 terms; empty for a headline of template words only,
 * which then joins stories by URL alone.
 */
export function candidateTerms(article: ClusterInput): string[] {
  return [...articleFeatures(article).distinctive];
}

/**
 * The article's normalised own URLs: the keys of the URL-identity index. Two
 * articles sharing one are the same story regardless of time.
 */
export function identityUrls(article: ClusterInput): string[] {
  return [...articleFeatures(article).urls];
}
