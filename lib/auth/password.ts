/** Password hashing with argon2id (OWASP's recommended parameters). */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password nobody has (with the same parameters as every
 * stored hash), verified when the email is unknown so that an unknown account
 * takes as long to refuse as a wrong password — from the very first attempt,
 * since nothing is computed on first use.
 */
const DECOY = '$argon2id$v=19$m=19456,t=2,p=1$ZSURgpVOjac4Cqd7t89dTw$7UZjsxykCoD7LBwfz8ve4ckZVBj3iJBkfpHowA79Qtk';
export function decoyPasswordHash(): string {
  return DECOY;
}

/** The parameter part of an argon2 hash (`$argon2id$v=19$m=…,t=…,p=…`). */
export function hashParameters(passwordHash: string): string {
  return passwordHash.split('$').slice(0, 4).join('$');
}
