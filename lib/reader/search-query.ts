/**
 * Turns what a reader typed into a full-text query. Only words (letters and
 * digits of any script) survive, so no search syntax from the input reaches
 * the database; every word must match, the last one as a prefix (so results
 * appear while the last word is still being typed).
 */
export const MAX_SEARCH_TERMS = 8;

export function searchTerms(input: string): string[] {
  const words = input
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return [...new Set(words ?? [])].slice(0, MAX_SEARCH_TERMS);
}

/** FTS5: `"word" "other"*` (implicit AND, quoted so no word is read as an operator). */
export function toFts5Query(terms: string[]): string {
  return terms.map((term, index) => `"${term}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** PostgreSQL to_tsquery: `word & other:*`; terms are letters and digits only. */
export function toTsQuery(terms: string[]): string {
  return terms.map((term, index) => `${term}${index === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Highlight markers: control characters no record text contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export type HighlightPart = { text: string; marked: boolean };

export function splitHighlights(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest.replaceAll(MARK_END, ''), marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start).replaceAll(MARK_END, ''), marked: false });
    const end = rest.indexOf(MARK_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop).replaceAll(MARK_START, ''), marked: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

/**
 * Marks the words a search matched, for databases whose own highlighter is
 * slow (PostgreSQL's ts_headline). A word matches when it starts with a
 * search term's stem (the term less a few letters, as English stemming would
 * drop), so "climate" marks "climate" and "climatic".
 */
export function markTerms(text: string, terms: string[]): string {
  const stems = terms.map((term) => term.slice(0, Math.max(3, term.length - 2)));
  if (stems.length === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    return stems.some((stem) => lower.startsWith(stem)) ? `${MARK_START}${word}${MARK_END}` : word;
  });
}

/** The words around the first marked word: `words` before it and after it. */
export function snippetAround(marked: string, words: number): string {
  const parts = marked.split(/\s+/).filter(Boolean);
  const first = parts.findIndex((part) => part.includes(MARK_START));
  const start = first === -1 ? 0 : Math.max(0, first - words);
  const end = Math.min(parts.length, (first === -1 ? 0 : first) + words + 1 + (first === -1 ? words : 0));
  return `${start > 0 ? '…' : ''}${parts.slice(start, end).join(' ')}${end < parts.length ? '…' : ''}`;
}
