import { articleFeatures, type ArticleFeatures } from './article-features';
import { resolveOptions, type ClusterInput, type ClusteringOptions } from './cluster-input';
import type { WeightedTerms } from './headline-tokens';

export type ComparisonReason =
  /** They share a normalised URL: the same article, whatever else differs. */
  | 'same-url'
  /** Published further apart than the window: text cannot make them one story. */
  | 'outside-window'
  /** No full-weight headline word in common (only template words or nothing). */
  | 'no-shared-distinctive-word'
  /** Each headline carries a number the other article never mentions (Q3/Q4, $40bn/$12bn, iPhone 12/13). */
  | 'number-conflict'
  /** Each headline opens with a name the other headline lacks (Amazon… / Microsoft…; Acme… / Globex…). */
  | 'different-subjects'
  /** One's URL is in the other's related coverage: lowers the text thresholds, never decides alone. */
  | 'related-link'
  | 'near-identical-headline'
  | 'similar-headline-and-text'
  | 'too-different';

export type Comparison = {
  same: boolean;
  /** 0…1; ranks the stories an article could join. 1 for a shared URL. */
  score: number;
  reasons: ComparisonReason[];
  headlineSimilarity: number;
  /** Of headline and excerpt together; null when either excerpt is missing or too short. */
  textSimilarity: number | null;
};

/**
 * The thresholds, on weighted Jaccard similarity (template words weigh 0.3).
 * docs/clustering.md explains each figure.
 */
export const THRESHOLDS = {
  nearIdenticalHeadline: 0.7,
  pairedHeadline: 0.4,
  pairedText: 0.3,
  /** The same three when one article lists the other as related coverage. */
  withRelatedLink: { nearIdenticalHeadline: 0.5, pairedHeadline: 0.3, pairedText: 0.22 },
} as const;

export function weightedJaccard(a: WeightedTerms, aWeight: number, b: WeightedTerms, bWeight: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [term, weight] of small) if (large.has(term)) shared += weight;
  const union = aWeight + bWeight - shared;
  return union > 0 ? shared / union : 0;
}

function shareAny(values: readonly string[], set: ReadonlySet<string> | readonly string[]): boolean {
  const lookup = set instanceof Set ? set : new Set(set as readonly string[]);
  for (const value of values) if (lookup.has(value)) return true;
  return false;
}

function sharesUrl(a: ArticleFeatures, b: ArticleFeatures): boolean {
  for (const url of a.urls) if (b.urls.includes(url)) return true;
  return false;
}

function sharesDistinctiveWord(a: ArticleFeatures, b: ArticleFeatures): boolean {
  for (const term of a.distinctive) if (b.headline.get(term) === 1) return true;
  return false;
}

function mentions(article: ArticleFeatures, term: string): boolean {
  return article.headline.has(term) || (article.text?.has(term) ?? false);
}

/** Each headline's subject is missing from the other headline. */
function subjectsDiffer(a: ArticleFeatures, b: ArticleFeatures): boolean {
  return a.subject !== null && b.subject !== null && !b.headline.has(a.subject) && !a.headline.has(b.subject);
}

/** Both headlines carry a number, and neither article mentions any of the other's. */
function numbersConflict(a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (a.headlineNumbers.length === 0 || b.headlineNumbers.length === 0) return false;
  const aUnmatched = a.headlineNumbers.some((term) => !mentions(b, term));
  const bUnmatched = b.headlineNumbers.some((term) => !mentions(a, term));
  return aUnmatched && bUnmatched;
}

function verdict(same: boolean, score: number, reasons: ComparisonReason[], headlineSimilarity = 0, textSimilarity: number | null = null): Comparison {
  return { same, score, reasons, headlineSimilarity, textSimilarity };
}

export function compareFeatures(a: ArticleFeatures, b: ArticleFeatures, options: ClusteringOptions): Comparison {
  if (sharesUrl(a, b)) return verdict(true, 1, ['same-url'], 1, null);
  if (Math.abs(a.time - b.time) > options.windowHours * 3_600_000) return verdict(false, 0, ['outside-window']);
  if (!sharesDistinctiveWord(a, b)) return verdict(false, 0, ['no-shared-distinctive-word']);

  const headlineSimilarity = weightedJaccard(a.headline, a.headlineWeight, b.headline, b.headlineWeight);
  const textSimilarity =
    a.text && b.text ? weightedJaccard(a.text, a.textWeight, b.text, b.textWeight) : null;
  const score = textSimilarity === null ? headlineSimilarity : 0.6 * headlineSimilarity + 0.4 * textSimilarity;
  if (numbersConflict(a, b)) return verdict(false, score, ['number-conflict'], headlineSimilarity, textSimilarity);
  if (subjectsDiffer(a, b)) return verdict(false, score, ['different-subjects'], headlineSimilarity, textSimilarity);

  const reasons: ComparisonReason[] = [];
  const related = shareAny(a.urls, b.relatedUrls) || shareAny(b.urls, a.relatedUrls);
  if (related) reasons.push('related-link');
  const limits = related ? THRESHOLDS.withRelatedLink : THRESHOLDS;
  if (headlineSimilarity >= limits.nearIdenticalHeadline) reasons.push('near-identical-headline');
  else if (textSimilarity !== null && headlineSimilarity >= limits.pairedHeadline && textSimilarity >= limits.pairedText) {
    reasons.push('similar-headline-and-text');
  } else {
    reasons.push('too-different');
    return verdict(false, score, reasons, headlineSimilarity, textSimilarity);
  }
  return verdict(true, Math.min(1, score + (related ? 0.05 : 0)), reasons, headlineSimilarity, textSimilarity);
}

/**
 * Whether two articles report the same story, with the evidence. Symmetric:
 * compareArticles(a, b) and compareArticles(b, a) agree.
 */
export function compareArticles(a: ClusterInput, b: ClusterInput, options?: Partial<ClusteringOptions>): Comparison {
  return compareFeatures(articleFeatures(a), articleFeatures(b), resolveOptions(options));
}
