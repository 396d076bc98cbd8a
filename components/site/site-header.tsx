import Link from 'next/link';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="wordmark">
          Newsdesk
        </Link>
        <nav aria-label="Sections" className="site-nav">
          <ul>
            <li>
              <Link href="/">Top</Link>
            </li>
            <li>
              <Link href="/latest">Latest</Link>
            </li>
            <li>
              <Link href="/trending">Trending</Link>
            </li>
            <li>
              <Link href="/topics">Topics</Link>
            </li>
            <li>
              <Link href="/digest" prefetch={false}>
                Digest
              </Link>
            </li>
          </ul>
        </nav>
        <div className="site-search">
          <form action="/search" method="get" role="search">
            <label htmlFor="site-search-input" className="visually-hidden">
              Search stories
            </label>
            <input id="site-search-input" type="search" name="q" placeholder="Search  ( / )" autoComplete="off" />
            <button type="submit">Search</button>
          </form>
        </div>
        <ThemeToggle />
      </div>
    </header>
  );
}
