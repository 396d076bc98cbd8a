import { feedPath } from '@/lib/reader/feeds';

/** The visible links to a page's three feeds (the `<link rel="alternate">` twins of feedAlternates). */
export function FeedLinks({ base }: { base: string }) {
  return (
    <>
      feeds: <a href={feedPath(base, 'rss')}>RSS</a>, <a href={feedPath(base, 'atom')}>Atom</a>, <a href={feedPath(base, 'json')}>JSON</a>
    </>
  );
}
