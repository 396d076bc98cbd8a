import { z } from 'zod';
import { ZRole } from '../auth/roles';

export const ZEmail = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'must be at most 254 characters' })
  .pipe(z.email({ error: 'must be an email address' }));

export const ZPassword = z
  .string({ error: 'is required' })
  .min(12, { error: 'must be at least 12 characters' })
  .max(200, { error: 'must be at most 200 characters' });

/** Input for creating a user: the CLI, first start and the admin screen share it. */
export const ZNewUser = z.object({
  email: ZEmail,
  name: z.string().trim().max(100, { error: 'must be at most 100 characters' }).optional(),
  role: ZRole,
  password: ZPassword,
});
export type TNewUser = z.input<typeof ZNewUser>;

/** Changing one's own password: the current one, and the new one. */
export const ZPasswordChange = z
  .object({ current: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(200), next: ZPassword })
  .strict();

/** An account other than one's own, by id (admins' operations on users). */
export const ZUserRef = z.object({ id: z.string({ error: 'is required' }).min(1).max(64) }).strict();
