import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/desk/sign-out-button';
import { ThemeToggle } from '@/components/site/theme-toggle';
import { currentUser } from '@/lib/auth/current-user';
import { permissions } from '@/lib/auth/roles';

export const metadata: Metadata = { title: { default: 'Desk', template: '%s · Newsdesk desk' }, robots: { index: false, follow: false } };

/** Signed-in editors only: everyone else goes to the sign-in page (every action checks again on its own). */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/desk');
  // A printed or reset password is replaced before anything else.
  if (user.mustChangePassword) redirect('/account');
  return (
    <>
      <header className="site-header desk-header">
        <div className="site-header-inner">
          <Link href="/desk" className="wordmark">
            Newsdesk <span className="desk-badge">desk</span>
          </Link>
          <nav aria-label="Desk" className="site-nav">
            <ul>
              {permissions.curateArticles(user.role) ? (
                <li>
                  <Link href="/desk">Articles</Link>
                </li>
              ) : null}
              {permissions.importArticles(user.role) ? (
                <li>
                  <Link href="/desk/import">Import</Link>
                </li>
              ) : null}
              <li>
                <Link href="/desk/digest">Digest</Link>
              </li>
              <li>
                <Link href="/desk/tokens">API tokens</Link>
              </li>
              {permissions.manageUsers(user.role) ? (
                <li>
                  <Link href="/desk/users">Users</Link>
                </li>
              ) : null}
              <li>
                <Link href="/">Public site</Link>
              </li>
            </ul>
          </nav>
          <span className="desk-user">
            <Link href="/account">{user.email}</Link> ({user.role.toLowerCase()})
          </span>
          <SignOutButton />
          <ThemeToggle />
        </div>
      </header>
      <main id="content" tabIndex={-1} className="desk-main">
        {children}
      </main>
    </>
  );
}
