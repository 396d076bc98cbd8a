import type { Metadata } from 'next';
import { River } from '@/components/reader/river';
import { feedAlternates } from '@/lib/reader/feed-alternates';

export const metadata: Metadata = {
  title: 'Latest stories',
  alternates: { canonical: '/latest', types: feedAlternates('', 'Newsdesk') },
};

export default function LatestPage() {
  return <River order="latest" />;
}
