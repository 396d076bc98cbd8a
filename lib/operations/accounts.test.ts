import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/sessions';
import { authOptions } from '../auth/auth-options';
import { verifySignIn } from '../data/auth/verify-sign-in';
import { findUserByApiToken } from '../data/tokens/find-user-by-api-token';
import { createUser } from '../data/users/create-user';
import { getDb } from '../db/client';
import { findActiveUser } from '../data/auth/find-active-user';
import {
  changePassword,
  connectGitHub,
  disconnectGitHub,
  createOwnApiToken,
  listAccountEvents,
  listEveryApiToken,
  listOwnApiTokens,
  resetPassword,
  revokeAnyonesApiToken,
  signOutEverywhere,
  signUserOutEverywhere,
} from './index';

let admin: string;
let editor: string;
let other: string;
let address = 0;
/** Each sign-in from an address of its own, so the rate limits stay out of these tests. */
const signInWith = (email: string, password: string) => verifySignIn(getDb(), email, password, `10.200.0.${++address}`);
const sessionVersion = async (id: string) => (await getDb().user.findUniqueOrThrow({ where: { id } })).sessionVersion;
const jwt = authOptions.callbacks!.jwt! as (params: { token: Record<string, unknown> }) => Promise<Record<string, unknown>>;

beforeAll(async () => {
  const db = getDb();
  admin = (await createUser(db, { email: 'admin@accounts.example', role: 'ADMIN', password: 'admin password 123' })).id;
  editor = (await createUser(db, { email: 'editor@accounts.example', role: 'EDITOR', password: 'editor password 123' })).id;
  other = (await createUser(db, { email: 'other@accounts.example', role: 'EDITOR', password: 'other password 123' })).id;
});

beforeEach(() => signInAs(null));

describe('changing one’s own password', () => {
  it('needs the current password, ends every session of one’s own, and is audited', async () => {
    signInAs(editor);
    const before = await sessionVersion(editor);
    const wrong = await changePassword({ current: 'not my password', next: 'a brand new password' });
    expect(wrong).toMatchObject({ ok: false, status: 403, issues: [{ path: 'current' }] });
    expect(await sessionVersion(editor)).toBe(before);
    expect(await changePassword({ current: 'editor password 123', next: 'short' })).toMatchObject({ ok: false, status: 400 });

    const oldSession = { id: editor, sv: before };
    expect(await jwt({ token: oldSession })).toMatchObject({ id: editor });
    expect(await changePassword({ current: 'editor password 123', next: 'a brand new password' })).toMatchObject({ ok: true });
    expect(await sessionVersion(editor)).toBe(before + 1);
    await expect(jwt({ token: oldSession })).rejects.toThrow('SessionRevoked');
    expect(await signInWith('editor@accounts.example', 'editor password 123')).toMatchObject({ ok: false });
    expect(await signInWith('editor@accounts.example', 'a brand new password')).toMatchObject({ ok: true });
    const event = await getDb().auditEvent.findFirst({ where: { action: 'user.changePassword', outcome: 'ok' } });
    expect(event).toMatchObject({ actorId: editor, targetType: 'user', targetId: editor });
  });
});

describe('guessing the current password', () => {
  it('is limited to 5 tries per 15 minutes, counted before the check, even when each try is refused', async () => {
    const guesser = (await createUser(getDb(), { email: 'guesser@accounts.example', role: 'EDITOR', password: 'guesser password 1' })).id;
    signInAs(guesser);
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => changePassword({ current: `guess number ${i}`, next: 'a brand new password' })),
    );
    expect(tries.filter((result) => !result.ok && result.issues?.[0]?.message === 'is not your current password')).toHaveLength(5);
    expect(tries.filter((result) => !result.ok && /too many attempts/.test(result.error))).toHaveLength(3);
    expect(await changePassword({ current: 'guesser password 1', next: 'a brand new password' })).toMatchObject({
      ok: false,
      status: 403,
      error: expect.stringMatching(/^current: too many attempts; try again in \d+ min$/),
    });
  });
});

describe('sign out everywhere', () => {
  it('ends one’s own sessions, and an admin can end anyone’s; an editor cannot end another’s', async () => {
    const session = { id: other, sv: await sessionVersion(other) };
    signInAs(editor);
    expect(await signUserOutEverywhere({ id: other })).toMatchObject({ ok: false, status: 403 });
    expect(await jwt({ token: session })).toMatchObject({ id: other });
    signInAs(admin);
    expect(await signUserOutEverywhere({ id: other })).toMatchObject({ ok: true });
    await expect(jwt({ token: session })).rejects.toThrow('SessionRevoked');
    expect(await signUserOutEverywhere({ id: 'nobody' })).toMatchObject({ ok: false, status: 404 });

    signInAs(other);
    const mine = { id: other, sv: await sessionVersion(other) };
    expect(await signOutEverywhere({})).toMatchObject({ ok: true });
    await expect(jwt({ token: mine })).rejects.toThrow('SessionRevoked');
  });
});

describe('an admin’s password reset', () => {
  it('gives a temporary password that must be changed before anything else', async () => {
    signInAs(editor);
    expect(await resetPassword({ id: other })).toMatchObject({ ok: false, status: 403 });
    signInAs(admin);
    expect(await resetPassword({ id: admin })).toMatchObject({ ok: false, status: 400 });
    const reset = await resetPassword({ id: other });
    if (!reset.ok) throw new Error(reset.error);
    const signedIn = await signInWith('other@accounts.example', reset.data.temporaryPassword);
    expect(signedIn).toMatchObject({ ok: true, user: { mustChangePassword: true } });

    signInAs(other);
    expect(await createOwnApiToken({ name: 'script' })).toMatchObject({ ok: false, status: 403, error: 'Change your password first.' });
    expect(await changePassword({ current: reset.data.temporaryPassword, next: 'my own new password' })).toMatchObject({ ok: true });
    expect(await createOwnApiToken({ name: 'script' })).toMatchObject({ ok: true });
    const detail = await getDb().auditEvent.findFirst({ where: { action: 'user.resetPassword', outcome: 'ok' } });
    expect(JSON.stringify(detail)).not.toContain(reset.data.temporaryPassword);
  });
});

describe('API tokens', () => {
  it('may expire, and an expired one authenticates no one', async () => {
    signInAs(editor);
    const created = await createOwnApiToken({ name: 'week', expiresInDays: 7 });
    if (!created.ok) throw new Error(created.error);
    const days = (created.data.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await findUserByApiToken(getDb(), created.data.token)).toMatchObject({ id: editor });
    await getDb().apiToken.update({ where: { id: created.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUserByApiToken(getDb(), created.data.token)).toBeNull();
    expect(await createOwnApiToken({ name: 'bad', expiresInDays: 0 })).toMatchObject({ ok: false, status: 400 });
  });

  it('are listed and revoked by admins, whoever owns them', async () => {
    signInAs(editor);
    const created = await createOwnApiToken({ name: 'leaked' });
    if (!created.ok) throw new Error(created.error);
    expect(await listEveryApiToken({})).toMatchObject({ ok: false, status: 403 });
    expect(await revokeAnyonesApiToken({ id: created.data.id })).toMatchObject({ ok: false, status: 403 });
    signInAs(admin);
    const all = await listEveryApiToken({});
    expect(all.ok && all.data.find((token) => token.id === created.data.id)).toMatchObject({ user: { id: editor } });
    expect(await revokeAnyonesApiToken({ id: created.data.id })).toMatchObject({ ok: true, data: { owner: editor } });
    expect(await findUserByApiToken(getDb(), created.data.token)).toBeNull();
    expect(await revokeAnyonesApiToken({ id: created.data.id })).toMatchObject({ ok: false, status: 404 });
    signInAs(editor);
    const mine = await listOwnApiTokens({});
    expect(mine.ok && mine.data.some((token) => token.id === created.data.id)).toBe(false);
  });
});

describe('connecting GitHub', () => {
  it('ties one GitHub account id to one user, audited; disconnecting ends GitHub sign-in for it', async () => {
    signInAs(editor);
    expect(await connectGitHub({ githubId: 'not-a-number' })).toMatchObject({ ok: false, status: 400, issues: [{ path: 'githubId' }] });
    expect(await connectGitHub({ githubId: '424242' })).toMatchObject({ ok: true });
    expect(await findActiveUser(getDb(), { githubId: '424242' })).toMatchObject({ id: editor });
    signInAs(admin);
    expect(await connectGitHub({ githubId: '424242' })).toMatchObject({
      ok: false,
      status: 409,
      error: 'That GitHub account is connected to another desk account.',
    });
    signInAs(editor);
    expect(await disconnectGitHub({})).toMatchObject({ ok: true });
    expect(await findActiveUser(getDb(), { githubId: '424242' })).toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { action: { in: ['user.connectGitHub', 'user.disconnectGitHub'] } } });
    expect(events.map((event) => `${event.action} ${event.outcome}`).sort()).toEqual([
      'user.connectGitHub ok',
      'user.connectGitHub refused',
      'user.connectGitHub refused',
      'user.disconnectGitHub ok',
    ]);
  });
});

describe('the account audit trail', () => {
  it('holds every password, session and token change above, for admins only', async () => {
    signInAs(editor);
    expect(await listAccountEvents({})).toMatchObject({ ok: false, status: 403 });
    signInAs(admin);
    const events = await listAccountEvents({});
    if (!events.ok) throw new Error(events.error);
    const ok = new Set(events.data.filter((event) => event.outcome === 'ok').map((event) => event.action));
    for (const action of ['user.changePassword', 'user.signOutEverywhere', 'user.resetPassword', 'apiToken.create', 'apiToken.revokeAny']) {
      expect(ok, action).toContain(action);
    }
    expect(events.data.some((event) => event.outcome === 'refused' && event.actor?.email === 'editor@accounts.example')).toBe(true);
  });
});
