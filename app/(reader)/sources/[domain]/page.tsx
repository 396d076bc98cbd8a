import { SourcePage, sourceMetadata } from '@/components/reader/source-page';

type Params = { domain: string };

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return sourceMetadata((await params).domain, false);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  return <SourcePage domain={(await params).domain} />;
}
