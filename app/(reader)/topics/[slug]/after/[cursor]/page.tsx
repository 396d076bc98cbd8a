import { TopicPage, topicMetadata } from '@/components/reader/topic-page';

type Params = { slug: string; cursor: string };

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return topicMetadata((await params).slug, true);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { slug, cursor } = await params;
  return <TopicPage slug={slug} cursor={cursor} />;
}
