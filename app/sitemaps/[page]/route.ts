import { notFound } from 'next/navigation';
import { cachedListSitemapEntries, cachedListTopics } from '@/lib/cache/cached-queries';
import { sitemapPage } from '@/lib/reader/sitemap-xml';
import { topicPath } from '@/lib/links/topic-path';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).page);
  if (!match) notFound();
  const page = Number(match[1]);
  if (page === 0) {
    const topics = await cachedListTopics();
    return sitemapPage([
      { path: '/' },
      { path: '/latest' },
      { path: '/trending' },
      { path: '/topics' },
      ...topics.map((topic) => ({ path: topicPath(topic.slug) })),
    ]);
  }
  const entries = await cachedListSitemapEntries(page - 1);
  if (entries.length === 0) notFound();
  return sitemapPage(entries);
}
