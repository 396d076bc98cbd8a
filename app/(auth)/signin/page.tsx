import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/desk/sign-in-form';
import { GITHUB_NOT_LINKED } from '@/lib/auth/auth-options';
import { currentUser } from '@/lib/auth/current-user';
import { safeCallbackPath } from '@/lib/links/safe-callback-path';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } };

type SearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

/** Only same-site paths are followed after signing in (lib/links/safe-callback-path.ts). */
const safeCallback = (value: unknown) => safeCallbackPath(value);

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentUser()) redirect(safeCallback(callbackUrl));
  return (
    <main id="content" tabIndex={-1} className="signin">
      <h1>Sign in to the desk</h1>
      <SignInForm
        callbackUrl={safeCallback(callbackUrl)}
        initialError={
          error === GITHUB_NOT_LINKED
            ? 'This GitHub account is not connected to a desk account. Sign in with your email and password, then connect GitHub from your account page.'
            : error
              ? 'Sign-in failed. Check your email and password.'
              : null
        }
        github={Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET)}
      />
      <p>
        <Link href="/">Back to the public site</Link>
      </p>
    </main>
  );
}
