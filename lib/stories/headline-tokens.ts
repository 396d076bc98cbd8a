import { LOW_WEIGHT, PERIOD_TERM, PHRASES, STOP_WORDS, TEMPLATE_WORDS } from './word-lists';

/** Term → weight: 1 for an ordinary word or number, LOW_WEIGHT for template words and years. */
export type WeightedTerms = Map<string, number>;

const VOWEL = /[aeiouy]/;

/**
 * A deliberately small suffix stripper: robots/robot, banned/bans/ban,
 * announces/announced/announcing all meet. Exactness does not matter, only
 * that both sides of a comparison are stemmed the same way.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  let suffixRemoved = false;
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    suffixRemoved = true;
  } else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    suffixRemoved = true;
  }
  // shutting/shut, planned/plan
  if (suffixRemoved && /([b-df-hj-np-rtv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

const TEMPLATE_STEMS: ReadonlySet<string> = new Set(TEMPLATE_WORDS.map(stem));

const UNIT_WORDS: Record<string, string> = { bn: 'billion', b: 'billion', m: 'million', mn: 'million', tn: 'trillion', k: 'thousand' };

/** Lower-case words with accents, quotes, possessives and spelling variants folded. */
export function splitWords(text: string): string[] {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const [pattern, replacement] of PHRASES) t = t.replace(pattern, replacement);
  // $40bn, £17m: the number and its unit are separate words, as in "$40 billion"
  t = t.replace(/(\d)(bn|b|mn|m|tn|k)\b/g, (_, digit: string, unit: string) => `${digit} ${UNIT_WORDS[unit]}`);
  const words: string[] = [];
  for (const raw of t.split(/[^\p{L}\p{N}.]+/u)) {
    if (raw.length === 0) continue;
    // keep decimals (1.1 billion), split the rest on dots (e.g. "end.", "ai.com")
    for (const part of /^\d+\.\d+$/.test(raw) ? [raw] : raw.split('.')) {
      if (part.length === 0) continue;
      if (part.length === 1 && !/\d/.test(part)) continue;
      words.push(part);
    }
  }
  return words;
}

export function termWeight(term: string): number {
  if (PERIOD_TERM.test(term)) return LOW_WEIGHT;
  if (/\d/.test(term)) return 1;
  return TEMPLATE_STEMS.has(term) ? LOW_WEIGHT : 1;
}

/** Stemmed terms with their weights; stop words left out. */
export function weightedTerms(words: readonly string[]): WeightedTerms {
  const terms: WeightedTerms = new Map();
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    const term = stem(word);
    if (!terms.has(term)) terms.set(term, termWeight(term));
  }
  return terms;
}

const SUFFIX_SEPARATOR = /\s[-–—|]\s/gu;

/**
 * The headline without an outlet suffix ("… - Reuters", "… | ZDNet",
 * "… – The Verge"): a trailing part of at most four capitalised words and no
 * digits, after a main part long enough to stand alone. An outlet name in a
 * headline is about where it was published, not what happened.
 */
export function stripOutletSuffix(headline: string): string {
  const trimmed = headline.trim();
  let last = -1;
  for (const match of trimmed.matchAll(SUFFIX_SEPARATOR)) last = match.index;
  if (last < 0) return trimmed;
  const main = trimmed.slice(0, last).trim();
  const suffix = trimmed.slice(last + 3).trim();
  const words = suffix.split(/\s+/);
  const looksLikeName =
    words.length <= 4 &&
    !/\d/.test(suffix) &&
    words.every((word) => /^[\p{Lu}&]/u.test(word) || /^(?:of|the|and|on|de)$/.test(word)) &&
    main.split(/\s+/).length >= 4;
  return looksLikeName ? main : trimmed;
}

/** The last word of an excerpt cut off mid-word ("…the technolog") is noise. */
export function withoutTruncatedTail(words: string[], text: string): string[] {
  return /[.!?"'”’)…\]]\s*$/u.test(text) ? words : words.slice(0, -1);
}
