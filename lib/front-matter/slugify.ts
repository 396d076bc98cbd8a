/**
 * Lower-case words joined by dashes. Letters and digits of every script are
 * kept (a Japanese title still gets a readable slug); accents are dropped.
 */
export function slugify(text: string, maxLength: number): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}
