import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountForms } from '@/components/desk/account-forms';
import { currentUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Your account', robots: { index: false, follow: false } };

/** One's own password and sessions. Outside the desk's layout: a user who must change their password is sent here first. */
export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/account');
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
      <AccountForms />
      {user.mustChangePassword ? null : (
        <p>
          <Link href="/desk">Back to the desk</Link>
        </p>
      )}
    </main>
  );
}
