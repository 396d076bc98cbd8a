import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { configuredAdminPassword, ensureFirstAdmin } from './ensure-first-admin';
import { verifyPassword } from './password';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function admin(email: string) {
  return getDb().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
}

describe('ensureFirstAdmin', () => {
  it('prints a random password that must be changed at the first sign-in', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const created = await ensureFirstAdmin(process.env.DATABASE_URL!, 'printed@first.example');
    expect(created).not.toBeNull();
    expect(printed.join('\n')).toContain(created!.password);
    const stored = await admin('printed@first.example');
    expect(stored).toMatchObject({ role: 'ADMIN', mustChangePassword: true });
    expect(await verifyPassword(stored.passwordHash!, created!.password)).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'user.create', targetId: stored.id } });
    expect(audit).toMatchObject({ actorId: null, via: 'cli', outcome: 'ok' });
    expect(JSON.stringify(audit.detail)).not.toContain(created!.password);
    // Once anyone exists, it does nothing.
    expect(await ensureFirstAdmin(process.env.DATABASE_URL!, 'again@first.example')).toBeNull();
  });

  it('takes NEWSDESK_ADMIN_PASSWORD instead, and then prints no password and asks for no change', async () => {
    await getDb().user.deleteMany();
    vi.stubEnv('NEWSDESK_ADMIN_PASSWORD', 'the deployment secret 42');
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    await ensureFirstAdmin(process.env.DATABASE_URL!, 'configured@first.example');
    expect(printed.join('\n')).not.toContain('the deployment secret 42');
    const stored = await admin('configured@first.example');
    expect(stored.mustChangePassword).toBe(false);
    expect(await verifyPassword(stored.passwordHash!, 'the deployment secret 42')).toBe(true);
  });
});

describe('configuredAdminPassword', () => {
  it('reads the variable, else the first line of the file, and checks it like any password', () => {
    const folder = folderWith({});
    const file = join(folder, 'admin-password');
    writeFileSync(file, 'from a mounted secret\nsecond line ignored\n');
    expect(configuredAdminPassword({})).toBeNull();
    expect(configuredAdminPassword({ NEWSDESK_ADMIN_PASSWORD_FILE: file })).toBe('from a mounted secret');
    expect(configuredAdminPassword({ NEWSDESK_ADMIN_PASSWORD: 'variable wins over file', NEWSDESK_ADMIN_PASSWORD_FILE: file })).toBe(
      'variable wins over file',
    );
    expect(() => configuredAdminPassword({ NEWSDESK_ADMIN_PASSWORD: 'short' })).toThrow(
      'NEWSDESK_ADMIN_PASSWORD must be at least 12 characters',
    );
    expect(() => configuredAdminPassword({ NEWSDESK_ADMIN_PASSWORD_FILE: join(folder, 'missing') })).toThrow(
      /NEWSDESK_ADMIN_PASSWORD_FILE: cannot read .*missing \(ENOENT\)/,
    );
  });
});
