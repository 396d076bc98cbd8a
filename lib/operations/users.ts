/** Account management for admins, through the guard. */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { ZRole } from '../auth/roles';
import { createUser, DuplicateEmailError } from '../data/users/create-user';
import { listUsers } from '../data/users/list-users';
import { updateUser } from '../data/users/update-user';
import { RefusedError } from '../errors/refused-error';
import { ZNewUser, ZPasswordChange, ZUserRef } from '../schemas/users';
import { listAccountAuditEvents } from '../data/audit/list-account-audit-events';
import { changeOwnPassword } from '../data/users/change-own-password';
import { endUserSessions } from '../data/users/end-user-sessions';
import { resetUserPassword } from '../data/users/reset-user-password';
import { clearCounter, countAttempt } from '../data/auth/rate-limit';
import { getOwnAccount } from '../data/users/get-own-account';
import { setGitHubId } from '../data/users/set-github-id';
import { ZGitHubId } from '../auth/github-endpoints';

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

/** The account part of the audit trail, for the Users page. */
export const listAccountEvents = guarded({
  permission: 'manageUsers',
  input: z.object({}).strict(),
  run: (_input, { db }) => listAccountAuditEvents(db),
});

const PASSWORD_CHANGE_LIMIT = { limit: 5, windowMs: 15 * 60_000 };
const passwordChangeKey = (userId: string) => `password-change:${userId}`;

/** Change one's own password (the current one required); every session of one's own ends. */
export const changePassword = guarded({
  permission: 'manageOwnAccount',
  input: ZPasswordChange,
  allowedBeforePasswordChange: true,
  // A stolen session must not make a password oracle: 5 tries per 15 minutes, counted before the check.
  beforeRun: async (_input, { db, user }) => {
    const tries = await countAttempt(db, passwordChangeKey(user.id), PASSWORD_CHANGE_LIMIT.windowMs);
    if (tries.count > PASSWORD_CHANGE_LIMIT.limit) {
      const minutes = Math.max(1, Math.ceil((tries.windowEndsAt.getTime() - Date.now()) / 60_000));
      throw new RefusedError(403, `current: too many attempts; try again in ${minutes} min`, undefined, [
        { path: 'current', message: `too many attempts; try again in ${minutes} min` },
      ]);
    }
  },
  run: async ({ current, next }, { db, user }) => {
    await changeOwnPassword(db, user.id, current, next);
    await clearCounter(db, passwordChangeKey(user.id));
    return { changed: user.id };
  },
  audit: { action: 'user.changePassword', target: (_input, result) => (result ? { type: 'user', id: result.changed } : null) },
});

/** "Sign out everywhere" for oneself. */
export const signOutEverywhere = guarded({
  permission: 'manageOwnAccount',
  input: z.object({}).strict(),
  allowedBeforePasswordChange: true,
  run: async (_input, { db, user }) => {
    await endUserSessions(db, user.id);
    return { signedOut: user.id };
  },
  audit: { action: 'user.signOutEverywhere', target: (_input, result) => (result ? { type: 'user', id: result.signedOut } : null) },
});

/** Admins: end every session of any user. */
export const signUserOutEverywhere = guarded({
  permission: 'manageUsers',
  input: ZUserRef,
  run: async ({ id }, { db }) => {
    if (!(await endUserSessions(db, id))) throw new RefusedError(404, 'There is no such user.');
    return { signedOut: id };
  },
  audit: { action: 'user.signOutEverywhere', target: ({ id }) => ({ type: 'user', id }) },
});

/** Admins: a temporary password for another user, which they must change at their next sign-in. */
export const resetPassword = guarded({
  permission: 'manageUsers',
  input: ZUserRef,
  run: async ({ id }, { db, user }) => {
    if (id === user.id) throw new RefusedError(400, 'id: change your own password with your current one instead');
    const reset = await resetUserPassword(db, id);
    if (!reset) throw new RefusedError(404, 'There is no such user.');
    return reset;
  },
  // The temporary password is answered once and never written to the trail.
  audit: { action: 'user.resetPassword', target: ({ id }) => ({ type: 'user', id }), detail: () => ({ mustChangePassword: true }) },
});

/** One's own account, for /account. */
export const getAccount = guarded({
  permission: 'manageOwnAccount',
  input: z.object({}).strict(),
  allowedBeforePasswordChange: true,
  run: (_input, { db, user }) => getOwnAccount(db, user.id),
});

/**
 * Connects the GitHub account GitHub just vouched for to the signed-in user.
 * Called only from the GitHub sign-in callback (lib/auth/auth-options.ts),
 * with the id from GitHub's own answer, never from client input.
 */
export const connectGitHub = guarded({
  permission: 'manageOwnAccount',
  input: z.object({ githubId: ZGitHubId }).strict(),
  run: async ({ githubId }, { db, user }) => {
    await setGitHubId(db, user.id, githubId);
    return { connected: user.id };
  },
  audit: {
    action: 'user.connectGitHub',
    target: (_input, result) => (result ? { type: 'user', id: result.connected } : null),
    detail: () => ({}),
  },
});

/** Disconnects one's GitHub account: GitHub sign-in stops working for it. */
export const disconnectGitHub = guarded({
  permission: 'manageOwnAccount',
  input: z.object({}).strict(),
  run: async (_input, { db, user }) => {
    await setGitHubId(db, user.id, null);
    return { disconnected: user.id };
  },
  audit: {
    action: 'user.disconnectGitHub',
    target: (_input, result) => (result ? { type: 'user', id: result.disconnected } : null),
  },
});
