import { escapeXml } from './feeds';
import { absoluteUrl } from './site-url';

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function xmlResponse(body: string) {
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

export function sitemapIndex(pages: number, lastModified: string) {
  const entries = Array.from(
    { length: pages },
    (_, page) => `  <sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${page}.xml`))}</loc><lastmod>${lastModified}</lastmod></sitemap>`,
  );
  return xmlResponse(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${entries.join('\n')}\n</sitemapindex>\n`);
}

export function sitemapPage(entries: { path: string; lastModified?: string }[]) {
  const urls = entries.map(
    (entry) =>
      `  <url><loc>${escapeXml(absoluteUrl(entry.path))}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified}</lastmod>` : ''}</url>`,
  );
  return xmlResponse(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n${urls.join('\n')}\n</urlset>\n`);
}
