import { slugify } from '../front-matter/slugify';
import { decodeSegment } from './decode-segment';

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
  const decoded = decodeSegment(segment);
  const match = decoded === null ? null : /^(\d{1,10})(?:-|$)/.exec(decoded);
  if (!match) return null;
  const id = Number(match[1]);
  // Ids are 32-bit columns: a larger number is no story (and must not reach the database).
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}
