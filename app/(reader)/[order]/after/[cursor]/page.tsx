import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { River, RIVER_LABELS } from '@/components/reader/river';
import { RIVER_ORDERS, type RiverOrder } from '@/lib/reader/river-cursor';

type Params = { order: string; cursor: string };

function riverOrder(value: string): RiverOrder {
  if (!(RIVER_ORDERS as readonly string[]).includes(value)) notFound();
  return value as RiverOrder;
}

/** Later pages are rendered on first request, then cached like the first. */
export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { order } = await params;
  // Later pages are for people, not for search engines' index.
  return { title: `${RIVER_LABELS[riverOrder(order)].title}, continued`, robots: { index: false, follow: true } };
}

export default async function RiverContinuedPage({ params }: { params: Promise<Params> }) {
  const { order, cursor } = await params;
  return <River order={riverOrder(order)} cursor={cursor} />;
}
