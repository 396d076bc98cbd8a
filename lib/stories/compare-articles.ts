import { articleFeatures, relatedUrlsOf, textOf, type ArticleFeatures } from './article-features';
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
  /** Each headline's subject (its first full-weight word) appears nowhere in the other article (Acme… / Globex… in one template). */
  | 'different-subjects'
  /** One's URL is in the other's related coverage: lowers the thresholds, never decides alone. */
  | 'related-link'
  | 'near-identical-headline'
  | 'similar-headline-and-text'
  | 'too-different';

export type Comparison = {
  same: boolean;
  /** 0…1; ranks the stories an article could join. 1 for a shared URL. */
  score: number;
  reasons: ComparisonReason[];
  /** Weighted Jaccard of the headlines. */
  headlineSimilarity: number;
  /** Shared headline weight over the lighter headline's weight. */
  headlineContainment: number;
  /** Containment of headline plus excerpt; null when either excerpt is missing or too short, or the headlines alone decided. */
  textContainment: number | null;
};

/**
 * The thresholds. Headline similarity is weighted Jaccard (template words
 * weigh 0.3); containment is the shared weight over the lighter side's
 * weight, so a short headline or a clipped excerpt is not penalised for what
 * the other side adds. docs/clustering.md explains each figure.
 */
export const THRESHOLDS = {
  /** Headline similarity at which the headlines alone make the case. */
  nearIdenticalHeadline: 0.7,
  /** Otherwise both: the headlines overlap this much… */
  headlineContainment: 0.5,
  /** …and headline plus excerpt overlap this much. */
  textContainment: 0.4,
  /** The same three when one article lists the other as related coverage. */
  withRelatedLink: { nearIdenticalHeadline: 0.55, headlineContainment: 0.4, textContainment: 0.3 },
  /** Containment means little when the lighter headline is a single word. */
  minHeadlineWeight: 2,
} as const;

function sharedWeight(a: WeightedTerms, b: WeightedTerms): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [term, weight] of small) if (large.has(term)) shared += weight;
  return shared;
}

export function weightedJaccard(a: WeightedTerms, aWeight: number, b: WeightedTerms, bWeight: number): number {
  const shared = sharedWeight(a, b);
  const union = aWeight + bWeight - shared;
  return union > 0 ? shared / union : 0;
}

export function weightedContainment(a: WeightedTerms, aWeight: number, b: WeightedTerms, bWeight: number): number {
  const lighter = Math.min(aWeight, bWeight);
  return lighter > 0 ? sharedWeight(a, b) / lighter : 0;
}

function shareAny(values: readonly string[], set: ReadonlySet<string>): boolean {
  for (const value of values) if (set.has(value)) return true;
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
  return article.headline.has(term) || (textOf(article)?.terms.has(term) ?? false);
}

/**
 * Each headline's subject appears nowhere in the other article. Coverage of
 * one event names the same actor somewhere; a template filled in for another
 * company never mentions the first one.
 */
function subjectsDiffer(a: ArticleFeatures, b: ArticleFeatures): boolean {
  return a.subject !== null && b.subject !== null && !mentions(b, a.subject) && !mentions(a, b.subject);
}

/** Both headlines carry a number, and neither article mentions any of the other's. */
function numbersConflict(a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (a.headlineNumbers.length === 0 || b.headlineNumbers.length === 0) return false;
  const aUnmatched = a.headlineNumbers.some((term) => !mentions(b, term));
  const bUnmatched = b.headlineNumbers.some((term) => !mentions(a, term));
  return aUnmatched && bUnmatched;
}

type Measures = Pick<Comparison, 'headlineSimilarity' | 'headlineContainment' | 'textContainment'>;

const NO_MEASURES: Measures = { headlineSimilarity: 0, headlineContainment: 0, textContainment: null };

function verdict(same: boolean, score: number, reasons: ComparisonReason[], measures: Measures = NO_MEASURES): Comparison {
  return { same, score, reasons, ...measures };
}

export function compareFeatures(a: ArticleFeatures, b: ArticleFeatures, options: ClusteringOptions): Comparison {
  if (sharesUrl(a, b)) return verdict(true, 1, ['same-url'], { headlineSimilarity: 1, headlineContainment: 1, textContainment: null });
  if (Math.abs(a.time - b.time) > options.windowHours * 3_600_000) return verdict(false, 0, ['outside-window']);
  if (!sharesDistinctiveWord(a, b)) return verdict(false, 0, ['no-shared-distinctive-word']);

  const headlineSimilarity = weightedJaccard(a.headline, a.headlineWeight, b.headline, b.headlineWeight);
  const headlineContainment = weightedContainment(a.headline, a.headlineWeight, b.headline, b.headlineWeight);
  const headlinesCount = Math.min(a.headlineWeight, b.headlineWeight) >= THRESHOLDS.minHeadlineWeight;
  const loosest = THRESHOLDS.withRelatedLink;
  // Below even the related-link thresholds nothing else can help: skip reading the excerpts.
  if (headlineSimilarity < loosest.nearIdenticalHeadline && (!headlinesCount || headlineContainment < loosest.headlineContainment)) {
    return verdict(false, headlineSimilarity / 2, ['too-different'], { headlineSimilarity, headlineContainment, textContainment: null });
  }
  const aText = textOf(a);
  const bText = textOf(b);
  const measures: Measures = {
    headlineSimilarity,
    headlineContainment,
    textContainment: aText && bText ? weightedContainment(aText.terms, aText.weight, bText.terms, bText.weight) : null,
  };
  const score = (headlineSimilarity + (measures.textContainment ?? headlineSimilarity)) / 2;
  if (numbersConflict(a, b)) return verdict(false, score, ['number-conflict'], measures);
  if (subjectsDiffer(a, b)) return verdict(false, score, ['different-subjects'], measures);

  const reasons: ComparisonReason[] = [];
  const related = shareAny(a.urls, relatedUrlsOf(b)) || shareAny(b.urls, relatedUrlsOf(a));
  if (related) reasons.push('related-link');
  const limits = related ? THRESHOLDS.withRelatedLink : THRESHOLDS;
  if (headlineSimilarity >= limits.nearIdenticalHeadline) {
    reasons.push('near-identical-headline');
  } else if (
    headlinesCount &&
    measures.textContainment !== null &&
    headlineContainment >= limits.headlineContainment &&
    measures.textContainment >= limits.textContainment
  ) {
    reasons.push('similar-headline-and-text');
  } else {
    reasons.push('too-different');
    return verdict(false, score, reasons, measures);
  }
  return verdict(true, Math.min(1, score + (related ? 0.05 : 0)), reasons, measures);
}

/**
 * Whether two articles report the same story, with the evidence. Symmetric:
 * compareArticles(a, b) and compareArticles(b, a) agree.
 */
export function compareArticles(a: ClusterInput, b: ClusterInput, options?: Partial<ClusteringOptions>): Comparison {
  return compareFeatures(articleFeatures(a), articleFeatures(b), resolveOptions(options));
}
