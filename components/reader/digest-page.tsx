import './digest.css';
import Link from 'next/link';
import { sourcePath } from '@/lib/links/source-path';
import type { Digest } from '@/lib/schemas/digest';
import { longDay } from '@/lib/digest/render-digest-email';
import { FeedLinks } from './feed-links';
import { RelativeTime } from './relative-time';

/** A day's top stories, each with the other outlets that covered it. */
export function DigestPage({ digest, previousDay, nextDay }: { digest: Digest; previousDay: string | null; nextDay: string | null }) {
  return (
    <article className="digest" aria-labelledby="digest-title">
      <header className="river-heading">
        <h1 id="digest-title">Digest · {longDay(digest.day)}</h1>
        {digest.note ? <p className="digest-note">{digest.note}</p> : null}
        <p className="river-description">
          The day’s top stories by the editors’ quality score, then heat. <Link href={`/digest/${digest.day}/email`}>Email version</Link> ·{' '}
          <FeedLinks base="/digest" />
        </p>
      </header>
      <ol className="digest-stories">
        {digest.stories.map((story) => (
          <li key={story.id} className="digest-story">
            <h2 className="story-title">
              {story.url ? <a href={story.url}>{story.title}</a> : <Link href={story.path}>{story.title}</Link>}
            </h2>
            <p className="story-meta">
              <Link className="source" href={sourcePath(story.source.domain)}>
                {story.source.name}
              </Link>{' '}
              · <RelativeTime iso={story.publishedAt} /> · <Link href={story.path}>Full coverage</Link>
            </p>
            {story.excerpt ? <p className="story-excerpt">{story.excerpt}</p> : null}
            {story.coverage.length > 0 ? (
              <p className="related">
                <span className="related-label">More:</span>{' '}
                {story.coverage.map((item, index) => (
                  <span key={index}>
                    {index > 0 ? ', ' : ''}
                    {item.url ? (
                      <a href={item.url} title={item.title}>
                        {item.sourceName ?? item.title}
                      </a>
                    ) : (
                      (item.sourceName ?? item.title)
                    )}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <nav className="pagination" aria-label="Other days">
        {previousDay ? (
          <Link href={`/digest/${previousDay}`} rel="prev">
            ← {longDay(previousDay)}
          </Link>
        ) : (
          <span />
        )}
        {nextDay ? (
          <Link href={`/digest/${nextDay}`} rel="next">
            {longDay(nextDay)} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
