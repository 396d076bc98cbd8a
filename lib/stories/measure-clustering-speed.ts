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
import { random } from '../../bench/generate-articles';
import { clusterArticles } from './cluster-articles';
import { compareArticles } from './compare-articles';
import { pairwiseQuality } from './pairwise-quality';

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

const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'mo',
  'sen',
  'dra',
  'vi',
  'lon',
  'qu',
  'per',
  'ix',
  'al',
  'tor',
  'ne',
  'ba',
  'zu',
  'chi',
  'fel',
  'gar',
  'hy',
];
const TEMPLATE = ['market', 'report', 'says', 'new', 'ai', 'data', 'billion', 'launches', 'company', 'growth', 'deal', 'stock'];

function syntheticStream(count: number): { inputs: ClusterInput[]; truth: string[][] } {
  const next = random(20_201);
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
    let word = '';
    let n = i + 7;
    do {
      word += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    } while (n > 0);
    return word;
  });
  // Skewed like the corpus: the commonest word is in about one headline in
  // seven ("chip" is in 14 % of the corpus's headlines), so its candidate
  // list holds that share of every window.
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 2.5)]!;
  const words = (n: number) => Array.from({ length: n }, () => (next() < 0.2 ? TEMPLATE[Math.floor(next() * TEMPLATE.length)]! : word()));
  const start = Date.parse('2020-01-01T00:00:00Z');
  const span = 2 * 365 * 24 * 3_600_000;
  const inputs: ClusterInput[] = [];
  const storyOf: number[] = [];
  for (let i = 0; i < count; i++) {
    const repeatOf = i > 50 && next() < 0.1 ? inputs.length - 1 - Math.floor(next() * 50) : -1;
    if (repeatOf >= 0) {
      const original = inputs[repeatOf]!;
      const headline = original.title.split(' ');
      const variant = next();
      const title =
        variant < 0.3
          ? `${original.title} - Reuters`
          : variant < 0.6
            ? original.title.toUpperCase()
            : [...headline.slice(0, -1), word()].join(' ');
      inputs.push({
        key: `synthetic/${String(i).padStart(6, '0')}.md`,
        title,
        excerpt: original.excerpt,
        publishedAt: new Date(original.publishedAt.getTime() + Math.floor(next() * 40 * 3_600_000)),
        urls: next() < 0.3 ? [`${original.urls[0]}?utm_source=feed`] : [`https://syndicated${i % 40}.example/${i}`],
        relatedUrls: next() < 0.5 ? [original.urls[0]!] : [],
        sourceDomain: `syndicated${i % 40}.example`,
      });
      storyOf.push(storyOf[repeatOf]!);
      continue;
    }
    inputs.push({
      key: `synthetic/${String(i).padStart(6, '0')}.md`,
      title: words(6 + Math.floor(next() * 7)).join(' '),
      excerpt: next() < 0.9 ? `${words(20 + Math.floor(next() * 15)).join(' ')}.` : null,
      publishedAt: new Date(start + Math.floor((i / count) * span + next() * 3_600_000)),
      urls: [`https://outlet${i % 300}.example/news/${i}`],
      relatedUrls: Array.from(
        { length: Math.floor(next() * 4) },
        () => `https://outlet${Math.floor(next() * 300)}.example/news/${Math.floor(next() * count)}`,
      ),
      sourceDomain: `outlet${i % 300}.example`,
    });
    storyOf.push(i);
  }
  const truth = new Map<number, string[]>();
  inputs.forEach((input, i) => truth.set(storyOf[i]!, [...(truth.get(storyOf[i]!) ?? []), input.key]));
  return { inputs, truth: [...truth.values()] };
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
