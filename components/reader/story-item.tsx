import Link from 'next/link';
import type { ReactNode } from 'react';
import type { StoryCard } from '@/lib/data/reader/story-card';
import { RelativeTime } from './relative-time';
import { StoryImage } from './story-image';
import { TopicChips } from './topic-chips';
import { sourcePath } from '@/lib/links/source-path';

/** How many related links show before "more coverage" is expanded. */
const RELATED_SHOWN = 3;

export function SourceName({ source }: { source: StoryCard['source'] }) {
  return (
    <Link className="source" href={sourcePath(source.domain)}>
      {source.logo ? <StoryImage url={source.logo.url} width={16} height={16} className="source-logo" /> : null}
      {source.name}
    </Link>
  );
}

/** "More: The Daily Dot, Washington Post, Nasdaq and 5 more": each outlet links to its own article. */
function RelatedList({ related }: { related: StoryCard['related'] }) {
  const item = (link: StoryCard['related'][number], index: number) => (
    <li key={index}>
      {link.url ? (
        <a href={link.url} title={link.title}>
          {link.sourceName ?? link.title}
        </a>
      ) : (
        <span title={link.title}>{link.sourceName ?? link.title}</span>
      )}
    </li>
  );
  const shown = related.slice(0, RELATED_SHOWN);
  const hidden = related.slice(RELATED_SHOWN);
  return (
    <div className="related">
      <span className="related-label">More:</span> <ul className="related-list">{shown.map(item)}</ul>
      {hidden.length > 0 ? (
        <details className="related-more">
          <summary>
            {hidden.length} more {hidden.length === 1 ? 'source' : 'sources'}
          </summary>
          <ul className="related-list">{hidden.map((link, index) => item(link, index + RELATED_SHOWN))}</ul>
        </details>
      ) : null}
    </div>
  );
}

/**
 * One story in a list: headline to the source, outlet, time, lead image,
 * excerpt, topics, and the other outlets' coverage underneath.
 */
export function StoryItem({
  story,
  headingLevel = 2,
  title,
  excerpt,
  extra,
  eagerImage = false,
}: {
  story: StoryCard;
  headingLevel?: 2 | 3;
  title?: ReactNode;
  excerpt?: ReactNode;
  extra?: ReactNode;
  eagerImage?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="story" data-story tabIndex={-1} aria-labelledby={`story-${story.id}`}>
      <div className="story-body">
        <Heading className="story-title" id={`story-${story.id}`}>
          {story.url ? (
            <a href={story.url} data-primary>
              {title ?? story.title}
            </a>
          ) : (
            <Link href={story.path} data-primary>
              {title ?? story.title}
            </Link>
          )}
        </Heading>
        <p className="story-meta">
          <SourceName source={story.source} /> · <RelativeTime iso={story.publishedAt} /> ·{' '}
          <Link href={story.path} aria-label={`Full coverage: ${story.title}`}>
            {story.sources > 1 ? `Full coverage · ${story.sources} sources` : 'Full coverage'}
          </Link>
        </p>
        {excerpt ?? (story.excerpt ? <p className="story-excerpt">{story.excerpt}</p> : null)}
        {extra}
        <TopicChips topics={story.topics} />
        {story.related.length > 0 ? <RelatedList related={story.related} /> : null}
      </div>
      {story.image ? (
        <StoryImage
          url={story.image.url}
          width={story.image.width}
          height={story.image.height}
          className="story-image"
          eager={eagerImage}
        />
      ) : null}
    </article>
  );
}
