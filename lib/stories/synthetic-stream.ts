/**
 * A synthetic article stream for timing story clustering at scale: about 140
 * articles a day over two years, one in ten a reworded or syndicated repeat
 * of an earlier article, headline words drawn from a skewed 20,000-word
 * vocabulary so that common words have long candidate lists (the commonest
 * candidate term is in about one headline in seven, as "chip" is in the
 * corpus). `truth` is the generator's own stories, for precision and recall.
 * Used by measure-clustering-speed.ts and by `npm run bench:stories`.
 */
import { random } from '../../bench/generate-articles';
import type { ClusterInput } from './cluster-input';

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

export function syntheticStream(count: number): { inputs: ClusterInput[]; truth: string[][] } {
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
