import Link from 'next/link';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="content" tabIndex={-1} className="error-page">
        <h1>Page not found</h1>
        <p>This story or page does not exist, or it is not published.</p>
        <p>
          <Link href="/">Back to the top stories</Link> or <Link href="/search">search</Link>.
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
