/**
 * Writes synthetic seed files shaped like real records: the seed document's
 * fields, 0–10 related links with their own sources and images, topics
 * from a shared pool, a mix of published / unpublished / draft records, and
 * the older variants (no originalUrl, no scores). Deterministic for a seed.
 *
 *   npm run bench:generate -- --count 100000 --out bench/.work/articles-100k
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serialiseArticleFile } from '../lib/front-matter/serialise-article-file';
import type { TArticleFile } from '../lib/front-matter/schema';

const WORDS = (
  'facial recognition civil rights groups urge halt government use technology privacy surveillance police ' +
  'artificial intelligence model language chip startup funding regulators antitrust lawsuit court ruling ' +
  'climate energy battery electric vehicle launch satellite security breach ransomware data leak election ' +
  'platform moderation creators streaming music labels health vaccine research university study results ' +
  'Biden’s — “record” café naïve'
).split(' ');
const TOPICS = [
  'AI',
  'Computer Vision',
  'Privacy',
  'Security',
  'Policy',
  'Startups',
  'Funding',
  'Chips',
  'Cloud',
  'Mobile',
  'Apple',
  'Google',
  'Microsoft',
  'Amazon',
  'Meta',
  'Climate',
  'Energy',
  'EVs',
  'Space',
  'Health',
  'Science',
  'Media',
  'Music',
  'Gaming',
  'Crypto',
  'Robotics',
  'Open Source',
  'Developers',
  'Antitrust',
  'Elections',
  'Education',
  'Telecom',
  'Semiconductors',
  'Biotech',
  'Transport',
  'Retail',
  'Finance',
  'Labor',
  'Courts',
  'Social Media',
];

/** Mulberry32: small, fast, and the same sequence everywhere. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GeneratorOptions = {
  sourceCount?: number;
  /** Publication dates fall in [from, to). */
  from?: Date;
  to?: Date;
  maxQuality?: number;
};

export function createGenerator(seed = 42, options: GeneratorOptions = {}) {
  const { sourceCount = 2000, from = new Date(Date.UTC(2019, 0, 1)), to = new Date(Date.UTC(2026, 10, 1)), maxQuality = 300 } = options;
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  const sentence = (min: number, max: number) => {
    const words = Array.from({ length: int(min, max) }, () => pick(WORDS));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return words.join(' ');
  };
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    name: `${pick(WORDS).replace(/^./, (c) => c.toUpperCase())} ${pick(['News', 'Daily', 'Times', 'Post', 'Wire', 'Journal'])} ${i}`,
    domain: `outlet${i}.example.com`,
  }));
  const image = (i: number) => ({
    url: `https://images.example.com/${i}/${int(1, 1e9)}.jpg`,
    width: pick([800, 1000, 1200, 1440, 2000]),
    height: pick([450, 500, 628, 800, 960]),
    isCached: true,
  });
  const start = from.getTime();
  const span = to.getTime() - start;

  return (index: number): TArticleFile => {
    const published = new Date(start + Math.floor(next() * span));
    const source = pick(sources);
    const slug = `${index}-${sentence(3, 6).toLowerCase().replaceAll(' ', '-')}`;
    const legacy = next() < 0.1;
    const related = Array.from({ length: int(0, 10) }, (_, r) => {
      const other = pick(sources);
      const url = `https://${other.domain}/story/${slug}-${r}`;
      return {
        title: sentence(6, 14),
        excerpt: sentence(15, 35),
        publishedDateTime: new Date(published.getTime() + int(0, 48) * 3_600_000).toISOString(),
        webUrl: url,
        ...(next() < 0.4
          ? { ampWebUrl: `${url}?amp`, cdnAmpWebUrl: `https://cdn.ampproject.org/c/s/${other.domain}/story/${slug}-${r}?amp` }
          : {}),
        type: 'article',
        provider: { name: other.name, domain: other.domain },
        quality: int(10, 80),
        ...(next() < 0.8 ? { images: [image(index * 100 + r)] } : {}),
      };
    });
    const record: Record<string, unknown> = {
      category: 'news',
      title: sentence(6, 16),
      excerpt: sentence(20, 40),
      publishedDateTime: published.toISOString(),
      ...(legacy ? {} : { originalUrl: `https://${source.domain}/original/${slug}` }),
      webUrl: `https://${source.domain}/news/${slug}`,
      type: 'article',
      ...(legacy ? {} : { quality: int(20, maxQuality), heat: int(0, 600), published: next() < 0.9 }),
      provider: source,
      topics: Array.from(new Set(Array.from({ length: int(1, 3) }, () => pick(TOPICS)))),
      ...(next() < 0.85 ? { images: [image(index)] } : {}),
      related,
      ...(next() < 0.03
        ? { featuredContent: `<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>` }
        : {}),
      secured: Buffer.from(`${index}:${sentence(8, 12)}`).toString('base64') + ';' + Buffer.from(String(index)).toString('base64'),
    };
    return record as TArticleFile;
  };
}

export async function generateArticles(out: string, count: number, seed = 42, options: GeneratorOptions = {}): Promise<void> {
  const generate = createGenerator(seed, options);
  const perFolder = 1000;
  for (let folder = 0; folder * perFolder < count; folder++) {
    const dir = join(out, String(folder).padStart(4, '0'));
    await mkdir(dir, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = folder * perFolder; i < Math.min(count, (folder + 1) * perFolder); i++) {
      writes.push(writeFile(join(dir, `${String(i).padStart(7, '0')}.md`), serialiseArticleFile(generate(i))));
    }
    await Promise.all(writes);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } },
  });
  const count = Number(values.count);
  const out = values.out ?? `bench/.work/articles-${count}`;
  const started = performance.now();
  await generateArticles(out, count, Number(values.seed));
  console.log(`wrote ${count} files to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
