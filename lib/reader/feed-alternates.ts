import { FEED_FILES, feedPath } from './feeds';

/** `<link rel="alternate">` entries advertising a page's three feeds. */
export function feedAlternates(feedBase: string, title: string) {
  return {
    [FEED_FILES.rss.type]: [{ url: feedPath(feedBase, 'rss'), title: `${title} (RSS)` }],
    [FEED_FILES.atom.type]: [{ url: feedPath(feedBase, 'atom'), title: `${title} (Atom)` }],
    [FEED_FILES.json.type]: [{ url: feedPath(feedBase, 'json'), title: `${title} (JSON Feed)` }],
  };
}
