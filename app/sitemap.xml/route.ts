import { SITEMAP_PAGE_SIZE } from '@/lib/data/reader/list-sitemap-entries';
import { cachedCountPublishedStories } from '@/lib/cache/cached-queries';
import { sitemapIndex } from '@/lib/reader/sitemap-xml';

export const dynamic = 'force-static';

/**
 * A sitemap index: page 0 holds the site's sections and topics, then one page
 * per 10,000 published stories.
 */
export async function GET() {
  const stories = await cachedCountPublishedStories();
  return sitemapIndex(1 + Math.ceil(stories / SITEMAP_PAGE_SIZE), new Date().toISOString());
}
