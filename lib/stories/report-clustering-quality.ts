/**
 * Prints how the batch clustering does on the labelled newsroom corpus:
 *
 *   npx tsx lib/stories/report-clustering-quality.ts [--window-hours 72]
 *
 * Pairwise precision, recall and F1, then every false merge and every missed
 * pair with the comparison's evidence, then any merged hard negative.
 */
import { HARD_NEGATIVES, labelledStories, newsroomClusterInputs, pathOfId } from '../../test/fixtures/newsroom/corpus';
import { clusterArticles } from './cluster-articles';
import { compareArticles, type Comparison } from './compare-articles';
import { pairwiseQuality } from './pairwise-quality';

const windowArgument = process.argv.indexOf('--window-hours');
const windowHours = windowArgument >= 0 ? Number(process.argv[windowArgument + 1]) : 72;

const inputs = newsroomClusterInputs();
const byKey = new Map(inputs.map((input) => [input.key, input]));
const stories = clusterArticles(inputs, { windowHours });
const quality = pairwiseQuality(stories, labelledStories());
const leaderOf = new Map<string, string>();
for (const story of stories) for (const key of story) leaderOf.set(key, story[0]!);

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
function evidence(a: string, b: string): string {
  const c: Comparison = compareArticles(byKey.get(a)!, byKey.get(b)!, { windowHours });
  const text = c.textContainment === null ? '—' : c.textContainment.toFixed(2);
  return `headline ${c.headlineSimilarity.toFixed(2)} (containment ${c.headlineContainment.toFixed(2)}), text containment ${text}: ${c.reasons.join(', ')}`;
}

console.log(`${inputs.length} articles, ${stories.length} stories, window ${windowHours} h`);
console.log(`pairwise precision ${percent(quality.precision)} (${quality.correctPairs}/${quality.predictedPairs})`);
console.log(`pairwise recall    ${percent(quality.recall)} (${quality.correctPairs}/${quality.truePairs})`);
console.log(`pairwise F1        ${percent(quality.f1)}`);

console.log(`\nfalse merges (${quality.falseMerges.length}):`);
for (const [a, b] of quality.falseMerges) console.log(`  ${a}\n  ${b}\n    ${evidence(a, b)}`);

console.log(`\nmissed pairs (${quality.missedPairs.length}); evidence against each one's story leader:`);
for (const [a, b] of quality.missedPairs) {
  console.log(`  ${a}  [story of ${leaderOf.get(a)}]\n  ${b}  [story of ${leaderOf.get(b)}]\n    pair: ${evidence(a, b)}`);
}

const merged = HARD_NEGATIVES.filter(({ a, b }) => leaderOf.get(pathOfId(a)) === leaderOf.get(pathOfId(b)));
console.log(`\nhard negatives merged: ${merged.length} of ${HARD_NEGATIVES.length}`);
for (const negative of merged) console.log(`  ${negative.kind}: ${negative.a} / ${negative.b} (${negative.note})`);
