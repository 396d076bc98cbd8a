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
  else if (w.endsWith('ses') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|os|as)$/.test(w)) w = w.slice(0, -1);
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

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case words with accents, quotes, possessives and spelling variants folded. */
export function splitWords(text: string): string[] {
  let t = text;
  if (NON_ASCII.test(t)) {
    t = t
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[\u2018\u2019\u02bc\u00b4]/g, "'");
  }
  t = t.toLowerCase();
  // possessives and contractions: Nvidia's → nvidia, won't → wont
  if (t.includes("'") || t.includes('`')) t = t.replace(/['`](?:s\b)?/g, '');
  const hasDigit = /\d/.test(t);
  if (hasDigit) t = t.replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const [trigger, pattern, replacement] of PHRASES) if (t.includes(trigger)) t = t.replace(pattern, replacement);
  // $40bn, £17m: the number and its unit are separate words, as in "$40 billion"
  if (hasDigit) t = t.replace(/(\d)(bn|b|mn|m|tn|k)\b/g, (_, digit: string, unit: string) => `${digit} ${UNIT_WORDS[unit]}`);
  const words: string[] = [];
  for (const raw of t.split(NON_ASCII.test(t) ? /[^\p{L}\p{N}.]+/u : /[^a-z0-9.]+/)) {
    if (raw.length === 0) continue;
    if (!raw.includes('.')) {
      if (raw.length > 1 || /\d/.test(raw)) words.push(raw);
      continue;
    }
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

type Term = { term: string; weight: number };

/**
 * Word → term, remembered: headlines reuse a small vocabulary, and stemming
 * is most of the cost of reading an article. Bounded so a long-running
 * process does not grow it without limit.
 */
const termCache = new Map<string, Term | null>();
const TERM_CACHE_LIMIT = 200_000;

function termOf(word: string): Term | null {
  let cached = termCache.get(word);
  if (cached === undefined) {
    if (STOP_WORDS.has(word)) cached = null;
    else {
      const term = stem(word);
      cached = { term, weight: termWeight(term) };
    }
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, cached);
  }
  return cached;
}

/** Stemmed terms with their weights; stop words left out. */
export function weightedTerms(words: readonly string[]): WeightedTerms {
  const terms: WeightedTerms = new Map();
  for (const word of words) {
    const found = termOf(word);
    if (found && !terms.has(found.term)) terms.set(found.term, found.weight);
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
