import { SourcePage, sourceMetadata } from '@/components/reader/source-page';

type Params = { domain: string; cursor: string };

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return sourceMetadata((await params).domain, true);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { domain, cursor } = await params;
  return <SourcePage domain={domain} cursor={cursor} />;
}
