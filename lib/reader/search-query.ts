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
