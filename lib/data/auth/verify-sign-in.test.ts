import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { findUserByApiToken } from '../tokens/find-user-by-api-token';
import { createApiToken } from '../tokens/create-api-token';
import { revokeApiToken } from '../tokens/revoke-api-token';
import { createUser } from '../users/create-user';
import { LOGIN_LIMITS } from './rate-limit';
import { verifySignIn } from './verify-sign-in';

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

  it('blocks an account after repeated failures, even with the right password, and counts in the database', async () => {
    await createUser(getDb(), { email: 'target@test.example', role: 'EDITOR', password: 'the right password' });
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      expect(await verifySignIn(getDb(), 'target@test.example', `guess ${i}`, `10.1.0.${i}`)).toMatchObject({ reason: 'invalid' });
    }
    const blocked = await verifySignIn(getDb(), 'target@test.example', 'the right password', '10.1.1.1');
    expect(blocked).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(blocked.ok === false && blocked.retryAfterMs).toBeGreaterThan(0);
    const counter = await getDb().rateLimitCounter.findUnique({ where: { key: 'login:account:target@test.example' } });
    expect(counter?.count).toBe(LOGIN_LIMITS.account.limit);
  });

  it('blocks an address that tries many accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.address.limit; i++) await verifySignIn(getDb(), `spray${i}@test.example`, 'x', '192.0.2.9');
    expect(await verifySignIn(getDb(), 'reporter@test.example', 'the right password', '192.0.2.9')).toMatchObject({
      reason: 'rate-limited',
    });
    expect(await verifySignIn(getDb(), 'reporter@test.example', 'the right password', '192.0.2.10')).toMatchObject({ ok: true });
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
