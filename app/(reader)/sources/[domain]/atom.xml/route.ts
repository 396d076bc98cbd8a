import { sourceFeed } from '@/lib/reader/feed-routes';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return [];
}

export const GET = sourceFeed('atom');
