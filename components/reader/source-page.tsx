import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cachedGetSource } from '@/lib/cache/cached-queries';
import { feedAlternates } from '@/lib/reader/feed-alternates';
import { FeedLinks } from './feed-links';
import { FilteredRiver } from './filtered-river';
import { StoryImage } from './story-image';
import { sourcePath } from '@/lib/links/source-path';
import { decodeSegment } from '@/lib/links/decode-segment';

async function loadSource(domain: string) {
  const decoded = decodeSegment(domain);
  const source = decoded === null ? null : await cachedGetSource(decoded);
  if (!source) notFound();
  return source;
}

export async function sourceMetadata(domain: string, continued: boolean): Promise<Metadata> {
  const source = await loadSource(domain);
  const base = sourcePath(source.domain);
  return {
    title: continued ? `${source.name}, continued` : source.name,
    description: `The latest stories from ${source.name} (${source.domain}), with their coverage.`,
    alternates: { canonical: base, types: feedAlternates(base, `${source.name} on Newsdesk`) },
    ...(continued ? { robots: { index: false, follow: true } } : {}),
  };
}

export async function SourcePage({ domain, cursor }: { domain: string; cursor?: string }) {
  const source = await loadSource(domain);
  const base = sourcePath(source.domain);
  return (
    <FilteredRiver
      basePath={base}
      filter={{ sourceId: source.id }}
      cursor={cursor}
      heading={
        <div className="river-heading">
          <h1>
            {source.logo ? <StoryImage url={source.logo.url} width={24} height={24} className="source-logo" /> : null}
            {source.name}
          </h1>
          <p className="river-description">
            <a href={`https://${source.domain}/`}>{source.domain}</a> · {source.stories} {source.stories === 1 ? 'story' : 'stories'} ·{' '}
            <FeedLinks base={base} />
          </p>
        </div>
      }
    />
  );
}
