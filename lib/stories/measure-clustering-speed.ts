/**
 * Timing figures for docs/clustering.md (a script, not a timed test):
 *
 *   npx tsx lib/stories/measure-clustering-speed.ts [--articles 100000]
 *
 * 1. one article against 50 candidates (the 50 corpus articles sharing most
 *    headline terms with it, a pessimistic stand-in for full-text
 *    retrieval), with features computed from scratch (rows just read) and
 *    already cached;
 * 2. batch clustering of a synthetic stream (about 140 articles a day over two
 *    years, one in ten a reworded or syndicated repeat of an earlier article,
 *    headline words drawn from a skewed vocabulary so common words have long
 *    candidate lists), with pairwise precision and recall against the
 *    generator's own truth.
 */
import { newsroomClusterInputs } from '../../test/fixtures/newsroom/corpus';
import { articleFeatures } from './article-features';
import { candidateTerms } from './candidate-terms';
import type { ClusterInput } from './cluster-input';
import { clusterArticles } from './cluster-articles';
import { compareArticles } from './compare-articles';
import { pairwiseQuality } from './pairwise-quality';
import { syntheticStream } from './synthetic-stream';

const argument = process.argv.indexOf('--articles');
const ARTICLES = argument >= 0 ? Number(process.argv[argument + 1]) : 100_000;

function copyOf(input: ClusterInput): ClusterInput {
  return { ...input, urls: [...input.urls], relatedUrls: [...input.relatedUrls] };
}

/** Candidates as retrieval would return them: the 50 corpus articles sharing most headline terms. */
function likelyCandidates(corpus: readonly ClusterInput[], article: ClusterInput): ClusterInput[] {
  const terms = new Set(articleFeatures(article).headline.keys());
  const overlap = (other: ClusterInput) => [...articleFeatures(other).headline.keys()].filter((t) => terms.has(t)).length;
  return corpus
    .filter((other) => other !== article)
    .map((other) => [overlap(other), other] as const)
    .sort((x, y) => y[0] - x[0] || (x[1].key < y[1].key ? -1 : 1))
    .slice(0, 50)
    .map(([, other]) => other);
}

function timeCandidates() {
  const corpus = newsroomClusterInputs();
  const sets = corpus.map((article) => [article, likelyCandidates(corpus, article)] as const);
  const rounds = 2_000;
  let cold = 0;
  let warm = 0;
  let same = 0;
  for (let round = 0; round < rounds; round++) {
    const [original, originals] = sets[round % sets.length]!;
    // fresh objects, so every feature set is computed inside the cold timing
    const article = copyOf(original);
    const candidates = originals.map(copyOf);
    let start = performance.now();
    for (const candidate of candidates) same += compareArticles(candidate, article).same ? 1 : 0;
    cold += performance.now() - start;
    start = performance.now();
    for (const candidate of candidates) same += compareArticles(candidate, article).same ? 1 : 0;
    warm += performance.now() - start;
  }
  console.log(
    `one article vs its 50 most headline-similar articles: ${((cold / rounds) * 1000).toFixed(0)} µs with features computed from scratch, ` +
      `${((warm / rounds) * 1000).toFixed(0)} µs with features cached (${rounds} rounds, ${same / 2} matches)`,
  );
}

timeCandidates();

const { inputs, truth } = syntheticStream(ARTICLES);
let begin = performance.now();
for (const input of inputs) articleFeatures(input);
const featureMs = performance.now() - begin;
begin = performance.now();
const stories = clusterArticles(inputs);
const clusterMs = performance.now() - begin;
const fresh = syntheticStream(ARTICLES).inputs;
begin = performance.now();
clusterArticles(fresh);
const totalMs = performance.now() - begin;
const quality = pairwiseQuality(stories, truth);
const termCounts = new Map<string, number>();
for (const input of inputs) for (const term of candidateTerms(input)) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
const commonest = Math.max(...termCounts.values());
console.log(
  `${ARTICLES} synthetic articles: features ${(featureMs / 1000).toFixed(2)} s, assignment ${(clusterMs / 1000).toFixed(2)} s, both from scratch ${(totalMs / 1000).toFixed(2)} s; ${stories.length} stories`,
);
console.log(
  `commonest candidate term in ${((commonest / inputs.length) * 100).toFixed(1)} % of headlines; ${(inputs.length / 730).toFixed(0)} articles a day`,
);
console.log(
  `synthetic truth: precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)} (${quality.truePairs} true pairs)`,
);
