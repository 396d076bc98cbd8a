/** Account management for admins, through the guard. */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { ZRole } from '../auth/roles';
import { createUser, DuplicateEmailError } from '../data/users/create-user';
import { listUsers } from '../data/users/list-users';
import { updateUser } from '../data/users/update-user';
import { RefusedError } from '../errors/refused-error';
import { ZNewUser } from '../schemas/users';

export const listAllUsers = guarded({
  permission: 'manageUsers',
  input: z.object({}).strict(),
  run: (_input, { db }) => listUsers(db),
});

export const addUser = guarded({
  permission: 'manageUsers',
  input: ZNewUser,
  run: async (newUser, { db }) => {
    try {
      return await createUser(db, newUser);
    } catch (error) {
      if (error instanceof DuplicateEmailError) throw new RefusedError(409, error.message);
      throw error;
    }
  },
  audit: {
    action: 'user.create',
    target: (_input, user) => (user ? { type: 'user', id: user.id } : null),
    detail: (user) => ({ email: user.email, role: user.role }),
  },
});

export const changeUser = guarded({
  permission: 'manageUsers',
  input: z
    .object({ id: z.string().min(1).max(64), role: ZRole.optional(), disabled: z.boolean().optional() })
    .strict()
    .refine((change) => change.role !== undefined || change.disabled !== undefined, { error: 'change the role or the disabled state' }),
  run: ({ id, ...change }, { db, user }) => updateUser(db, user.id, id, change),
  audit: {
    action: 'user.change',
    target: ({ id }) => ({ type: 'user', id }),
    detail: (user) => ({ role: user.role, disabled: user.disabledAt !== null }),
  },
});
