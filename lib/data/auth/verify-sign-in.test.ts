import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { findUserByApiToken } from '../tokens/find-user-by-api-token';
import { createApiToken } from '../tokens/create-api-token';
import { revokeApiToken } from '../tokens/revoke-api-token';
import { createUser } from '../users/create-user';
import { decoyPasswordHash, hashParameters, hashPassword, verifyPassword } from '../../auth/password';
import { LOGIN_POLICY, purgeExpiredCounters } from './rate-limit';
import { accountDelayMs, verifySignIn } from './verify-sign-in';

let userId: string;
beforeAll(async () => {
  userId = (await createUser(getDb(), { email: 'Reporter@Test.Example', role: 'EDITOR', password: 'the right password' })).id;
});

describe('verifySignIn', () => {
  it('accepts the right password (email in any case) and stores only an argon2id hash', async () => {
    expect(await verifySignIn(getDb(), 'reporter@test.example', 'the right password', '10.0.0.1')).toMatchObject({
      ok: true,
      user: { id: userId, role: 'EDITOR' },
    });
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('fails the same way for an unknown email, a wrong password and a disabled account', async () => {
    const unknown = await verifySignIn(getDb(), 'nobody@test.example', 'whatever', '10.0.0.2');
    const wrong = await verifySignIn(getDb(), 'reporter@test.example', 'wrong', '10.0.0.3');
    const other = await createUser(getDb(), { email: 'disabled@test.example', role: 'EDITOR', password: 'the right password' });
    await getDb().user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    const disabled = await verifySignIn(getDb(), 'disabled@test.example', 'the right password', '10.0.0.4');
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
  });

  it('counts each attempt before checking the password: a burst of 50 parallel guesses from one address gets the pair limit', async () => {
    await createUser(getDb(), { email: 'burst@test.example', role: 'EDITOR', password: 'the right password' });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verifySignIn(getDb(), 'burst@test.example', `guess ${i}`, '198.51.100.1')),
    );
    const checked = outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'invalid').length;
    expect(checked).toBe(LOGIN_POLICY.pair.limit);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'rate-limited')).toHaveLength(50 - checked);
    // Now even the right password waits, from that address.
    expect(await verifySignIn(getDb(), 'burst@test.example', 'the right password', '198.51.100.1')).toMatchObject({
      reason: 'rate-limited',
    });
  });

  it('bounds guesses at one account from 50 parallel addresses to the free attempts plus one at the gate', async () => {
    await createUser(getDb(), { email: 'spread@test.example', role: 'EDITOR', password: 'the right password' });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verifySignIn(getDb(), 'spread@test.example', `guess ${i}`, `10.50.${i}.1`)),
    );
    const checked = outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(LOGIN_POLICY.account.freeAttempts + 1);
    expect(checked).toBeGreaterThanOrEqual(LOGIN_POLICY.account.freeAttempts);
  });

  it('holds strangers at a gate whose delay grows, so an account gets one guess per delay however many addresses try', async () => {
    await createUser(getDb(), { email: 'gated@test.example', role: 'EDITOR', password: 'the right password' });
    const start = new Date('2030-01-01T00:00:00Z');
    const at = (ms: number) => new Date(start.getTime() + ms);
    let address = 0;
    const guess = (when: Date, password = 'wrong') => verifySignIn(getDb(), 'gated@test.example', password, `10.60.0.${++address}`, when);
    for (let i = 0; i < LOGIN_POLICY.account.freeAttempts; i++) expect(await guess(start)).toMatchObject({ reason: 'invalid' });
    expect(await guess(start)).toMatchObject({ reason: 'invalid' }); // the gate was open
    const held = await guess(start);
    expect(held).toMatchObject({ ok: false, reason: 'rate-limited' });
    // The delay doubles with every attempt, up to the cap, and then it opens again.
    expect(accountDelayMs(LOGIN_POLICY.account.freeAttempts + 1)).toBe(LOGIN_POLICY.account.firstDelayMs);
    expect(accountDelayMs(LOGIN_POLICY.account.freeAttempts + 3)).toBe(4 * LOGIN_POLICY.account.firstDelayMs);
    expect(accountDelayMs(10_000)).toBe(LOGIN_POLICY.account.maxDelayMs);
    const later = at(LOGIN_POLICY.account.maxDelayMs);
    expect(await guess(later, 'the right password')).toMatchObject({ ok: true });
  });

  it('lets the owner in from an address they signed in from, whatever a stranger does to the account', async () => {
    await createUser(getDb(), { email: 'owner@test.example', role: 'ADMIN', password: 'the right password' });
    expect(await verifySignIn(getDb(), 'owner@test.example', 'the right password', '203.0.113.50')).toMatchObject({ ok: true });
    // A stranger hammers the account from many addresses (and from one).
    await Promise.all(Array.from({ length: 40 }, (_, i) => verifySignIn(getDb(), 'owner@test.example', `guess ${i}`, `10.70.${i}.9`)));
    for (let i = 0; i < 10; i++) await verifySignIn(getDb(), 'owner@test.example', `again ${i}`, '10.70.99.9');
    expect(await verifySignIn(getDb(), 'owner@test.example', 'the right password', '10.70.100.9')).toMatchObject({
      reason: 'rate-limited',
    });
    expect(await verifySignIn(getDb(), 'owner@test.example', 'the right password', '203.0.113.50')).toMatchObject({ ok: true });
  });

  it('blocks an address that tries many accounts', async () => {
    for (let i = 0; i < LOGIN_POLICY.address.limit; i++) await verifySignIn(getDb(), `spray${i}@test.example`, 'x', '192.0.2.9');
    expect(await verifySignIn(getDb(), 'reporter@test.example', 'the right password', '192.0.2.9')).toMatchObject({
      reason: 'rate-limited',
    });
    expect(await verifySignIn(getDb(), 'reporter@test.example', 'the right password', '192.0.2.10')).toMatchObject({ ok: true });
  });

  it('keeps no email in the counters and purges expired ones', async () => {
    const keys = (await getDb().rateLimitCounter.findMany()).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('@');
    const yearLater = new Date('2040-01-01T00:00:00Z');
    expect(await purgeExpiredCounters(getDb(), yearLater)).toBe(keys.length);
    expect(await getDb().rateLimitCounter.count()).toBe(0);
    // verifySignIn purges on its own too.
    await getDb().rateLimitCounter.create({ data: { key: 'stale', count: 3, windowEndsAt: new Date(Date.now() - 1000) } });
    await verifySignIn(getDb(), 'nobody@test.example', 'x', '192.0.2.77', new Date(Date.now() + 3600_000));
    expect(await getDb().rateLimitCounter.findUnique({ where: { key: 'stale' } })).toBeNull();
  });

  it('checks an unknown email against a decoy hash made with the same parameters as real ones', async () => {
    expect(hashParameters(decoyPasswordHash())).toBe(hashParameters(await hashPassword('anything')));
    expect(await verifyPassword(decoyPasswordHash(), '')).toBe(false);
  });
});

describe('API tokens', () => {
  it('identify their active owner until revoked or the owner is disabled', async () => {
    const created = await createApiToken(getDb(), userId, 'script');
    expect(created.token).toMatch(/^nd_/);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(created.token);
    expect(await findUserByApiToken(getDb(), created.token)).toMatchObject({ id: userId });
    expect(await findUserByApiToken(getDb(), `${created.token}x`)).toBeNull();
    expect(await findUserByApiToken(getDb(), 'Bearer nonsense')).toBeNull();
    await getDb().user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await findUserByApiToken(getDb(), created.token)).toBeNull();
    await getDb().user.update({ where: { id: userId }, data: { disabledAt: null } });
    expect(await revokeApiToken(getDb(), userId, created.id)).toBe(true);
    expect(await findUserByApiToken(getDb(), created.token)).toBeNull();
  });
});
