import 'server-only';
import { getServerSession } from 'next-auth';
import { getDb } from '../db/client';
import { findActiveUser, type ActiveUser } from '../data/auth/find-active-user';
import { findUserByApiToken } from '../data/tokens/find-user-by-api-token';
import { authOptions } from './auth-options';

/**
 * Who is asking: the owner of an `Authorization: Bearer` token when the
 * request carries one, otherwise the signed-in user of the session cookie.
 * Either way the user is read afresh, so only an existing, active account
 * with its current role counts.
 */
export async function currentUser(request?: Request): Promise<ActiveUser | null> {
  const authorization = request?.headers.get('authorization');
  if (authorization !== null && authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? findUserByApiToken(getDb(), match[1]!) : null;
  }
  const session = await getServerSession(authOptions);
  return session?.user?.id ? findActiveUser(getDb(), { id: session.user.id }) : null;
}
