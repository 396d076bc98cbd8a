import type { ClusterInput } from './cluster-input';
import { splitWords, stripOutletSuffix, weightedTerms, withoutTruncatedTail, type WeightedTerms } from './headline-tokens';
import { normaliseUrls } from './normalise-url';

/** Everything a comparison reads, computed once per article. */
export type ArticleFeatures = {
  input: ClusterInput;
  time: number;
  urls: readonly string[];
  relatedUrls: ReadonlySet<string>;
  headline: WeightedTerms;
  headlineWeight: number;
  /** Headline and excerpt together; null when the excerpt is missing or too short to say anything. */
  text: WeightedTerms | null;
  textWeight: number;
  /** Headline terms with a digit: model numbers, amounts, quarters, years. */
  headlineNumbers: readonly string[];
  /** Headline terms of full weight, sorted: what candidate retrieval and the evidence rest on. */
  distinctive: readonly string[];
  /** The first full-weight headline term: in "Amazon bans police…" the actor, usually. */
  subject: string | null;
};

/** Fewer excerpt terms than this and the excerpt adds nothing the headline did not say. */
const MIN_EXCERPT_TERMS = 5;

const cache = new WeakMap<ClusterInput, ArticleFeatures>();

function totalWeight(terms: WeightedTerms): number {
  let sum = 0;
  for (const weight of terms.values()) sum += weight;
  return sum;
}

function computeFeatures(input: ClusterInput): ArticleFeatures {
  const headlineWords = splitWords(stripOutletSuffix(input.title));
  const headline = weightedTerms(headlineWords);
  let text: WeightedTerms | null = null;
  const excerpt = input.excerpt?.trim() ?? '';
  if (excerpt.length > 0) {
    const excerptTerms = weightedTerms(withoutTruncatedTail(splitWords(excerpt), excerpt));
    if (excerptTerms.size >= MIN_EXCERPT_TERMS) {
      text = new Map(headline);
      for (const [term, weight] of excerptTerms) text.set(term, weight);
    }
  }
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
    relatedUrls: new Set(normaliseUrls(input.relatedUrls)),
    headline,
    headlineWeight: totalWeight(headline),
    text,
    textWeight: text ? totalWeight(text) : 0,
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
