import { TopicPage, topicMetadata } from '@/components/reader/topic-page';

type Params = { slug: string };

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return topicMetadata((await params).slug, false);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  return <TopicPage slug={(await params).slug} />;
}
