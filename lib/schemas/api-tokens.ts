import { z } from 'zod';

/** A new personal API token: the name its owner will recognise it by, and an optional lifetime. */
export const ZNewApiToken = z
  .object({
    name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
    /** Optional: the token stops working this many days after it is made. */
    expiresInDays: z
      .number({ error: 'must be a number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(1, { error: 'must be at least 1' })
      .max(3650, { error: 'must be at most 3650' })
      .optional(),
  })
  .strict();
