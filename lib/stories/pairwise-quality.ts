/**
 * Pairwise precision and recall of a clustering against labels: every pair of
 * articles put in one story is a predicted pair; every pair labelled as one
 * story is a true pair. Singletons contribute no pairs.
 */
export type PairwiseQuality = {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
  /** Predicted together, labelled apart. */
  falseMerges: [string, string][];
  /** Labelled together, predicted apart. */
  missedPairs: [string, string][];
};

function pairsOf(stories: readonly (readonly string[])[]): Map<string, [string, string]> {
  const pairs = new Map<string, [string, string]>();
  for (const story of stories) {
    const members = [...story].sort();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) pairs.set(`${members[i]}\u0000${members[j]}`, [members[i]!, members[j]!]);
    }
  }
  return pairs;
}

export function pairwiseQuality(predicted: readonly (readonly string[])[], labelled: readonly (readonly string[])[]): PairwiseQuality {
  const predictedPairs = pairsOf(predicted);
  const truePairs = pairsOf(labelled);
  let correct = 0;
  const falseMerges: [string, string][] = [];
  for (const [key, pair] of predictedPairs) {
    if (truePairs.has(key)) correct++;
    else falseMerges.push(pair);
  }
  const missedPairs = [...truePairs].filter(([key]) => !predictedPairs.has(key)).map(([, pair]) => pair);
  const precision = predictedPairs.size === 0 ? 1 : correct / predictedPairs.size;
  const recall = truePairs.size === 0 ? 1 : correct / truePairs.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    predictedPairs: predictedPairs.size,
    truePairs: truePairs.size,
    correctPairs: correct,
    falseMerges,
    missedPairs,
  };
}
