import type { Metadata } from 'next';
import { River } from '@/components/reader/river';
import { feedAlternates } from '@/lib/reader/feed-alternates';

export const metadata: Metadata = {
  alternates: { canonical: '/', types: feedAlternates('', 'Newsdesk') },
};

export default function TopPage() {
  return <River order="top" />;
}
