/**
 * The very first start creates one admin. Its password is
 * NEWSDESK_ADMIN_PASSWORD, or the first line of the file
 * NEWSDESK_ADMIN_PASSWORD_FILE (a secret mounted by the deployment), for
 * deployments whose logs are shipped elsewhere; otherwise a random one,
 * printed once, which must be changed at the first sign-in. There is never a
 * default password; once any user exists this does nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ZPassword } from '../schemas/users';
import { connect } from '../db/client';
import { createUser } from '../data/users/create-user';
import { recordAuditEvent } from '../data/audit/record-audit-event';

export const FIRST_ADMIN_EMAIL = 'admin@newsdesk.local';

export async function ensureFirstAdmin(databaseUrl: string, email = process.env.NEWSDESK_ADMIN_EMAIL ?? FIRST_ADMIN_EMAIL) {
  const { db } = connect(databaseUrl);
  try {
    if ((await db.user.count()) > 0) return null;
    const given = configuredAdminPassword();
    const password = given ?? randomBytes(18).toString('base64url');
    // The account and its audit row (actor: the command line) commit together.
    await db.$transaction(async (tx) => {
      const admin = await createUser(tx, { email, role: 'ADMIN', password, name: 'Administrator' });
      // A password that went through the logs is changed before anything else.
      if (given === null) await tx.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'user.create',
        target: { type: 'user', id: admin.id },
        outcome: 'ok',
        status: 200,
        via: 'cli',
        detail: { email: admin.email, role: admin.role, firstAdmin: true, passwordPrinted: given === null },
      });
    });
    if (given !== null) {
      console.log(`newsdesk: created the administrator account ${email} with the configured password`);
      return { email, password: given };
    }
    const lines = [
      'First start: created the administrator account.',
      `  email:    ${email}`,
      `  password: ${password}`,
      'This password is shown only now. Sign in at /signin: you will be asked',
      'to choose a new one. (NEWSDESK_ADMIN_PASSWORD sets it instead.)',
    ];
    const width = Math.max(...lines.map((line) => line.length));
    console.log(
      `\n┌${'─'.repeat(width + 2)}┐\n${lines.map((line) => `│ ${line.padEnd(width)} │`).join('\n')}\n└${'─'.repeat(width + 2)}┘\n`,
    );
    return { email, password };
  } finally {
    await db.$disconnect();
  }
}

/** NEWSDESK_ADMIN_PASSWORD, else the first line of NEWSDESK_ADMIN_PASSWORD_FILE, checked like any password; null for neither. */
export function configuredAdminPassword(env: Record<string, string | undefined> = process.env): string | null {
  let value: string | undefined;
  let from = 'NEWSDESK_ADMIN_PASSWORD';
  if (env.NEWSDESK_ADMIN_PASSWORD) value = env.NEWSDESK_ADMIN_PASSWORD;
  else if (env.NEWSDESK_ADMIN_PASSWORD_FILE) {
    from = 'NEWSDESK_ADMIN_PASSWORD_FILE';
    try {
      value = readFileSync(env.NEWSDESK_ADMIN_PASSWORD_FILE, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new Error(
        `NEWSDESK_ADMIN_PASSWORD_FILE: cannot read ${env.NEWSDESK_ADMIN_PASSWORD_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (value === undefined) return null;
  const parsed = ZPassword.safeParse(value);
  if (!parsed.success) throw new Error(`${from} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}
