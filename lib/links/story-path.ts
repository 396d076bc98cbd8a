import { slugify } from '../front-matter/slugify';

/** `/articles/123-readable-title`: the id identifies, the words are for people and search engines. */
export function storySlug(id: number, title: string): string {
  const words = slugify(title, 80);
  return words ? `${id}-${words}` : String(id);
}

export function storyPath(id: number, title: string): string {
  return `/articles/${storySlug(id, title)}`;
}

/** The id in `123-anything` or `123`; null when the segment does not start with one. */
export function storyIdFromSlug(segment: string): number | null {
  const match = /^(\d{1,10})(?:-|$)/.exec(decodeURIComponent(segment));
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
