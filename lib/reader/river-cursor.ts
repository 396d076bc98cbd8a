/**
 * Keyset cursors for the river: the sort key of the last story shown, so the
 * next page starts strictly after it. Adding or unpublishing stories never
 * shifts a page (no duplicates, no gaps), unlike offsets.
 */
import { z } from 'zod';

export const RIVER_ORDERS = ['top', 'latest', 'trending'] as const;
export type RiverOrder = (typeof RIVER_ORDERS)[number];

export type RiverPosition = { id: number; publishedAt: Date; qualityRank: number; trendingRank: number };

/** Within what a date can hold (±8.64e15 ms) and what an id column can (32-bit): nothing else reaches the database. */
const ZKey = z.number().min(-8.64e15).max(8.64e15);
// The id is a story's (negative: an article not yet in a story, by its id).
const ZId = z.number().int().min(-2_147_483_647).max(2_147_483_647);
const ZCursor = z.tuple([z.enum(RIVER_ORDERS), ZKey, ZId, ZKey.optional()]);

export function encodeCursor(order: RiverOrder, last: RiverPosition): string {
  const key =
    order === 'latest'
      ? [order, last.publishedAt.getTime(), last.id]
      : order === 'top'
        ? [order, last.qualityRank, last.id, last.publishedAt.getTime()]
        : [order, last.trendingRank, last.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export type DecodedCursor =
  | { order: 'latest'; publishedAt: Date; id: number }
  | { order: 'top'; qualityRank: number; publishedAt: Date; id: number }
  | { order: 'trending'; trendingRank: number; id: number };

/** Null for anything that is not a cursor this code made for this order. */
export function decodeCursor(order: RiverOrder, cursor: string): DecodedCursor | null {
  if (cursor.length > 200) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = ZCursor.safeParse(parsed);
  if (!result.success || result.data[0] !== order) return null;
  const [, key, id, extra] = result.data;
  if (order === 'latest') return { order, publishedAt: new Date(key), id };
  if (order === 'top') return extra === undefined ? null : { order, qualityRank: key, publishedAt: new Date(extra), id };
  return { order, trendingRank: key, id };
}
