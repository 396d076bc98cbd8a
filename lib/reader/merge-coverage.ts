/**
 * A story's coverage, merged from its members: the other members (as
 * links to their outlets) and every member's related links. Pure, so the
 * river, the story page and the tests share one rule.
 */
import { normaliseUrl } from '../stories/normalise-url';

export type CoverageLink = {
  title: string;
  url: string | null;
  sourceName: string | null;
  sourceDomain: string | null;
  publishedAt: string | null;
};

/** An outlet as one key: its domain without `www.`, else its name, else the link's host. */
export function outletKey(link: Pick<CoverageLink, 'sourceDomain' | 'sourceName' | 'url'>): string | null {
  if (link.sourceDomain) return link.sourceDomain.toLowerCase().replace(/^www\./, '');
  if (link.sourceName) return link.sourceName.trim().toLowerCase();
  if (!link.url) return null;
  try {
    return new URL(link.url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const urlKey = (url: string | null) => (url ? (normaliseUrl(url) ?? url) : null);

/**
 * For a story card: `lead` is shown with its outlet; the result lists every
 * other outlet once (each URL once), the other members first (newest
 * first), then related links in their order; `sources` counts the outlets,
 * the lead's included.
 */
export function mergeCardCoverage<L extends CoverageLink>(
  lead: { urls: (string | null)[]; outlet: string | null },
  members: readonly L[],
  related: readonly L[],
): { links: L[]; sources: number } {
  const urls = new Set(lead.urls.map(urlKey).filter((key): key is string => key !== null));
  const outlets = new Set(lead.outlet ? [lead.outlet] : []);
  const links: L[] = [];
  const byTime = [...members].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  for (const link of [...byTime, ...related]) {
    const url = urlKey(link.url);
    const outlet = outletKey(link);
    if ((url && urls.has(url)) || (outlet && outlets.has(outlet))) continue;
    if (url) urls.add(url);
    if (outlet) outlets.add(outlet);
    links.push(link);
  }
  return { links, sources: outlets.size };
}

/**
 * For the story page: every entry once by URL (entries without a URL are
 * kept), newest first, undated last, in a stable order.
 */
export function mergePageCoverage<L extends CoverageLink>(entries: readonly L[], exclude: (string | null)[] = []): L[] {
  const seen = new Set(exclude.map(urlKey).filter((key): key is string => key !== null));
  const kept: L[] = [];
  for (const entry of entries) {
    const url = urlKey(entry.url);
    if (url) {
      if (seen.has(url)) continue;
      seen.add(url);
    }
    kept.push(entry);
  }
  return kept
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const [x, y] = [a.entry.publishedAt, b.entry.publishedAt];
      if (x && y && x !== y) return y.localeCompare(x);
      if (!x !== !y) return x ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ entry }) => entry);
}
