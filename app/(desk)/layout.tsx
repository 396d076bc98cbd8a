import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { DeskKeys } from '@/components/desk/desk-keys';
import { LiveDesk } from '@/components/desk/live/live-desk';
import { SignOutButton } from '@/components/desk/sign-out-button';
import { ThemeToggle } from '@/components/site/theme-toggle';
import { currentUser } from '@/lib/auth/current-user';
import { permissions } from '@/lib/auth/roles';
import { QUEUE_COUNT_CAP } from '@/lib/data/overview/list-decision-queue';
import { countMyQueue } from '@/lib/operations';

export const metadata: Metadata = { title: { default: 'Desk', template: '%s · Newsdesk desk' }, robots: { index: false, follow: false } };

/** Signed-in editors only: everyone else goes to the sign-in page (every action checks again on its own). */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/desk');
  // A printed or reset password is replaced before anything else.
  if (user.mustChangePassword) redirect('/account');
  const curates = permissions.curateArticles(user.role);
  const queued = curates ? await countMyQueue({}) : null;
  const queueCount = queued?.ok ? (queued.data > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP}+` : String(queued.data)) : null;
  const main = (
    <main id="content" tabIndex={-1} className="desk-main">
      {children}
    </main>
  );
  return (
    <>
      <header className="site-header desk-header">
        <div className="site-header-inner">
          <Link href="/desk" className="wordmark">
            Newsdesk <span className="desk-badge">desk</span>
          </Link>
          <nav aria-label="Desk" className="site-nav">
            <ul>
              {curates ? (
                <>
                  <li>
                    <Link href="/desk">
                      Overview
                      {queueCount !== null && queueCount !== '0' ? (
                        <>
                          {' '}
                          <span className="count-badge" data-queue-count>
                            {queueCount}
                          </span>
                          <span className="visually-hidden"> need a decision</span>
                        </>
                      ) : null}
                    </Link>
                  </li>
                  <li>
                    <Link href="/desk/articles">Articles</Link>
                  </li>
                </>
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
      {curates ? (
        <LiveDesk me={user.id}>
          {main}
          <DeskKeys />
        </LiveDesk>
      ) : (
        main
      )}
    </>
  );
}
