/**
 * A day's digest as readers, the email and the desk see it, and as a frozen
 * snapshot keeps it: one zod schema, so a snapshot read back is checked
 * before it is shown.
 */
import { z } from 'zod';
import { isDay } from '../digest/day-bounds.mjs';

export const ZDay = z
  .string({ error: 'must be a day (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day (YYYY-MM-DD)' })
  .refine(isDay, { error: 'must be a real day' });

export const DIGEST_SIZE = 10;
export const DIGEST_NOTE_MAX = 280;

export const ZDigestStory = z.object({
  id: z.number().int(),
  path: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  excerpt: z.string().nullable(),
  source: z.object({ name: z.string(), domain: z.string() }),
  publishedAt: z.string(),
  quality: z.number().int().nullable(),
  heat: z.number().int().nullable(),
  pinned: z.boolean(),
  coverage: z.array(
    z.object({ title: z.string(), url: z.string().nullable(), sourceName: z.string().nullable(), publishedAt: z.string().nullable() }),
  ),
});
export type DigestStory = z.infer<typeof ZDigestStory>;

export const ZDigest = z.object({
  day: ZDay,
  note: z.string().nullable(),
  generatedAt: z.string(),
  stories: z.array(ZDigestStory),
});
export type Digest = z.infer<typeof ZDigest>;

/** The editors' line for the day: one line, short, or null to remove it. */
export const ZDigestNote = z
  .string({ error: 'must be text' })
  .trim()
  .max(DIGEST_NOTE_MAX, { error: `must be at most ${DIGEST_NOTE_MAX} characters` })
  .refine((note) => !/[\r\n]/.test(note), { error: 'must be one line' })
  .transform((note) => note || null)
  .nullable();
