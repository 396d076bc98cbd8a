import 'server-only';
import { hashPassword } from '../../auth/password';
import type { DbClient } from '../../db/client';
import { ZNewUser, type TNewUser } from '../../schemas/users';

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`a user with the email ${email} already exists`);
  }
}

export async function createUser(db: DbClient, input: TNewUser) {
  const { password, ...user } = ZNewUser.parse(input);
  const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) throw new DuplicateEmailError(user.email);
  return db.user.create({
    data: { ...user, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
