import type { Metadata } from 'next';
import { River } from '@/components/reader/river';
import { feedAlternates } from '@/lib/reader/feed-alternates';

export const metadata: Metadata = {
  title: 'Trending stories',
  alternates: { canonical: '/trending', types: feedAlternates('', 'Newsdesk') },
};

export default function TrendingPage() {
  return <River order="trending" />;
}
