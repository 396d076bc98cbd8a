import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Feeds: <a href="/rss.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/feed.json">JSON Feed</a>
      </p>
      <p>
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous story, <kbd>o</kbd> open, <kbd>/</kbd> search. <Link href="/about">About</Link> ·{' '}
        <Link href="/desk">Editors’ desk</Link>
      </p>
    </footer>
  );
}
