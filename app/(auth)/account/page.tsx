import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountForms } from '@/components/desk/account-forms';
import { currentUser } from '@/lib/auth/current-user';
import { getAccount } from '@/lib/operations';

export const metadata: Metadata = { title: 'Your account', robots: { index: false, follow: false } };

/** One's own password and sessions. Outside the desk's layout: a user who must change their password is sent here first. */
const GITHUB_MESSAGES: Record<string, string> = {
  connected: 'GitHub account connected: you can now sign in with GitHub.',
  taken: 'That GitHub account is connected to another desk account.',
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ github?: string | string[] }> }) {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/account');
  const account = await getAccount({});
  const { github } = await searchParams;
  const githubMessage = typeof github === 'string' ? GITHUB_MESSAGES[github] : undefined;
  return (
    <main id="content" tabIndex={-1} className="signin">
      <h1>Your account</h1>
      <p>
        Signed in as {user.email} ({user.role.toLowerCase()}).
      </p>
      {user.mustChangePassword ? (
        <p className="notice" role="status">
          Choose a new password before you go on: the one you signed in with was printed or set by an administrator.
        </p>
      ) : null}
      {githubMessage ? (
        <p className="notice" role="status">
          {githubMessage}
        </p>
      ) : null}
      <AccountForms
        github={
          process.env.GITHUB_ID && process.env.GITHUB_SECRET && !user.mustChangePassword
            ? { connectedId: account.ok ? account.data.githubId : null }
            : null
        }
      />
      {user.mustChangePassword ? null : (
        <p>
          <Link href="/desk">Back to the desk</Link>
        </p>
      )}
    </main>
  );
}
