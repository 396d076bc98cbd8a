import { z } from 'zod';

/** A new personal API token: the name its owner will recognise it by. */
export const ZNewApiToken = z
  .object({
    name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
  })
  .strict();
