import type { ClusterInput } from './cluster-input';
import { splitWords, stripOutletSuffix, weightedTerms, withoutTruncatedTail, type WeightedTerms } from './headline-tokens';
import { normaliseUrls } from './normalise-url';

/**
 * Everything a comparison reads, computed once per article. The headline
 * parts are computed up front; the excerpt's terms and the related URLs only
 * when a comparison gets that far (most candidates are turned away on their
 * headline), see `textOf` and `relatedUrlsOf`.
 */
export type ArticleFeatures = {
  input: ClusterInput;
  time: number;
  urls: readonly string[];
  headline: WeightedTerms;
  headlineWeight: number;
  /** Headline terms with a digit: model numbers, amounts, quarters, years. */
  headlineNumbers: readonly string[];
  /** Headline terms of full weight, sorted: what candidate retrieval and the evidence rest on. */
  distinctive: readonly string[];
  /** The first full-weight headline term: in "Amazon bans police…" the actor, usually. */
  subject: string | null;
  /** Filled in by textOf. */
  lazyText?: { terms: WeightedTerms; weight: number } | null;
  /** Filled in by relatedUrlsOf. */
  lazyRelatedUrls?: ReadonlySet<string>;
};

/** Fewer excerpt terms than this and the excerpt adds nothing the headline did not say. */
const MIN_EXCERPT_TERMS = 5;

const cache = new WeakMap<ClusterInput, ArticleFeatures>();

function totalWeight(terms: WeightedTerms): number {
  let sum = 0;
  for (const weight of terms.values()) sum += weight;
  return sum;
}

function headlineWordsOf(input: ClusterInput): string[] {
  return splitWords(stripOutletSuffix(input.title));
}

function computeFeatures(input: ClusterInput): ArticleFeatures {
  const headline = weightedTerms(headlineWordsOf(input));
  const distinctive: string[] = [];
  const headlineNumbers: string[] = [];
  let subject: string | null = null;
  for (const [term, weight] of headline) {
    if (weight === 1) distinctive.push(term);
    if (weight === 1 && subject === null) subject = term;
    if (/\d/.test(term)) headlineNumbers.push(term);
  }
  distinctive.sort();
  return {
    input,
    time: input.publishedAt.getTime(),
    urls: normaliseUrls(input.urls),
    headline,
    headlineWeight: totalWeight(headline),
    headlineNumbers,
    distinctive,
    subject,
  };
}

/**
 * The features of an article, cached per input object: callers must not
 * mutate a ClusterInput after handing it over.
 */
export function articleFeatures(input: ClusterInput): ArticleFeatures {
  let features = cache.get(input);
  if (!features) {
    features = computeFeatures(input);
    cache.set(input, features);
  }
  return features;
}

/** Headline and excerpt terms together; null when the excerpt is missing or too short to say anything. */
export function textOf(features: ArticleFeatures): { terms: WeightedTerms; weight: number } | null {
  if (features.lazyText === undefined) {
    const excerpt = features.input.excerpt?.trim() ?? '';
    let text: ArticleFeatures['lazyText'] = null;
    if (excerpt.length > 0) {
      const terms = weightedTerms([...headlineWordsOf(features.input), ...withoutTruncatedTail(splitWords(excerpt), excerpt)]);
      if (terms.size - features.headline.size >= MIN_EXCERPT_TERMS) text = { terms, weight: totalWeight(terms) };
    }
    features.lazyText = text;
  }
  return features.lazyText;
}

export function relatedUrlsOf(features: ArticleFeatures): ReadonlySet<string> {
  features.lazyRelatedUrls ??= new Set(normaliseUrls(features.input.relatedUrls));
  return features.lazyRelatedUrls;
}
