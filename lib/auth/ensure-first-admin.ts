/**
 * The very first start creates one admin with a random password and prints it
 * once. There is never a default password; once any user exists this does
 * nothing.
 */
import { randomBytes } from 'node:crypto';
import { connect } from '../db/client';
import { createUser } from '../data/users/create-user';

export const FIRST_ADMIN_EMAIL = 'admin@newsdesk.local';

export async function ensureFirstAdmin(databaseUrl: string, email = process.env.NEWSDESK_ADMIN_EMAIL ?? FIRST_ADMIN_EMAIL) {
  const { db } = connect(databaseUrl);
  try {
    if ((await db.user.count()) > 0) return null;
    const password = randomBytes(18).toString('base64url');
    await createUser(db, { email, role: 'ADMIN', password, name: 'Administrator' });
    const lines = [
      'First start: created the administrator account.',
      `  email:    ${email}`,
      `  password: ${password}`,
      'This password is shown only now. Sign in at /signin and change it,',
      'or create your own accounts with `npm run user:create`.',
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
