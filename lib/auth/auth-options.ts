/**
 * next-auth configuration: email + password against our users, optional
 * GitHub sign-in for users who connected their GitHub account, JWT sessions carrying id and role. The
 * role in the token is a hint for the UI; every request re-reads the user
 * (lib/auth/guard.ts), so a disabled user or a changed role takes effect on
 * the next request.
 */
import type { NextAuthOptions } from 'next-auth';
import { cookies } from 'next/headers';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { getDb } from '../db/client';
import { findActiveUser } from '../data/auth/find-active-user';
import { verifySignIn } from '../data/auth/verify-sign-in';
import { safeRedirect } from '../links/safe-callback-path';
import { clientAddress } from './client-address';
import { githubEndpoints } from './github-endpoints';

/** `/signin?error=` for a GitHub account no desk account has connected. */
export const GITHUB_NOT_LINKED = 'GitHubNotLinked';

/**
 * Whether this GitHub sign-in was started from /account's "Connect GitHub"
 * (its callbackUrl, which next-auth keeps in a cookie through the OAuth round
 * trip; starting a sign-in needs next-auth's CSRF token, and the OAuth state
 * check binds GitHub's answer to this browser).
 */
async function isConnectRequest(): Promise<boolean> {
  const jar = await cookies();
  const value = jar.get('__Secure-next-auth.callback-url')?.value ?? jar.get('next-auth.callback-url')?.value;
  if (!value) return false;
  try {
    const url = new URL(value, 'http://placeholder.invalid');
    return url.pathname === '/account' && url.searchParams.get('github') === 'connect';
  } catch {
    return false;
  }
}

/** Shown for every failed sign-in, whatever the cause. */
export const SIGN_IN_FAILED = 'Wrong email or password.';
export const SIGN_IN_RATE_LIMITED = 'Too many failed sign-ins. Wait a few minutes and try again.';

const SESSION_HOURS = 12;

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 254) : '';
        const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 200) : '';
        if (!email || !password) throw new Error(SIGN_IN_FAILED);
        const outcome = await verifySignIn(getDb(), email, password, clientAddress(request.headers ?? {}));
        if (!outcome.ok) throw new Error(outcome.reason === 'rate-limited' ? SIGN_IN_RATE_LIMITED : SIGN_IN_FAILED);
        return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, role: outcome.user.role };
      },
    }),
  ];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    const endpoints = githubEndpoints();
    list.push(
      GitHubProvider({
        clientId: process.env.GITHUB_ID,
        clientSecret: process.env.GITHUB_SECRET,
        authorization: { url: endpoints.authorization, params: { scope: 'read:user' } },
        token: endpoints.token,
        // Only the account id is used: no email lookup.
        userinfo: { url: endpoints.userinfo, request: ({ client, tokens }) => client.userinfo(tokens.access_token!) },
      }),
    );
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  providers: providers(),
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/signin', error: '/signin' },
  callbacks: {
    /** After sign-in and sign-out: only this site (lib/links/safe-callback-path.ts). */
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    /**
     * GitHub never matches by email (GitHub does not require it verified):
     * from /account's "Connect GitHub" it connects the GitHub account to the
     * signed-in user (a guarded, audited operation) and keeps their session;
     * otherwise it signs in the user who connected that GitHub account id,
     * and refuses every other GitHub account with a message saying why.
     */
    async signIn({ account }) {
      if (account?.provider === 'credentials') return true;
      if (account?.provider !== 'github') return false;
      if (await isConnectRequest()) {
        // Loaded here: the operations import the guard, which imports this file.
        const { connectGitHub } = await import('../operations/users');
        const result = await connectGitHub({ githubId: account.providerAccountId });
        if (result.ok) return '/account?github=connected';
        return result.status === 409 ? '/account?github=taken' : '/signin?callbackUrl=/account';
      }
      const linked = await findActiveUser(getDb(), { githubId: account.providerAccountId });
      return linked ? true : `/signin?error=${GITHUB_NOT_LINKED}`;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const active = await findActiveUser(
          getDb(),
          account.provider === 'credentials' ? { id: user.id } : { githubId: account.providerAccountId },
        );
        if (!active) throw new Error('AccountUnavailable');
        return {
          ...token,
          sub: active.id,
          id: active.id,
          role: active.role,
          email: active.email,
          name: active.name,
          sv: active.sessionVersion,
          mustChangePassword: active.mustChangePassword,
        };
      }
      const active = token.id ? await findActiveUser(getDb(), { id: token.id }) : null;
      // Throwing ends the session: getServerSession then answers null. A
      // session issued before "sign out everywhere" or a password change
      // carries an older version and ends here, on its next request.
      if (!active || active.sessionVersion !== (token.sv ?? 0)) throw new Error('SessionRevoked');
      return { ...token, role: active.role, email: active.email, name: active.name, mustChangePassword: active.mustChangePassword };
    },
    async session({ session, token }) {
      return {
        ...session,
        user: {
          ...session.user,
          id: token.id ?? '',
          role: token.role ?? 'EDITOR',
          email: token.email,
          name: token.name,
          mustChangePassword: token.mustChangePassword ?? false,
        },
      };
    },
  },
  logger: {
    error(code, metadata) {
      // A disabled user's leftover cookie is expected, not an error worth a stack trace.
      if (code === 'JWT_SESSION_ERROR') return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      if (code !== 'NEXTAUTH_URL') console.warn(`[next-auth] ${code}`);
    },
  },
};
