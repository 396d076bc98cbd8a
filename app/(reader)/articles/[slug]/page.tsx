import type { Metadata } from 'next';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { RelativeTime } from '@/components/reader/relative-time';
import { SourceName } from '@/components/reader/story-item';
import { StoryImage } from '@/components/reader/story-image';
import { StoryItem } from '@/components/reader/story-item';
import { TopicChips } from '@/components/reader/topic-chips';
import { cachedGetStory, cachedListMoreOnTopics } from '@/lib/cache/cached-queries';
import { newsArticleJsonLd, jsonLdScriptContent } from '@/lib/reader/json-ld';
import { storyIdFromSlug, storySlug } from '@/lib/links/story-path';
import { decodeSegment } from '@/lib/links/decode-segment';

type Params = { slug: string };

export function generateStaticParams(): Params[] {
  return [];
}

async function loadStory(slug: string) {
  const id = storyIdFromSlug(slug);
  const story = id === null ? null : await cachedGetStory(id);
  if (!story) notFound();
  return story;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const story = await loadStory((await params).slug);
  const description = story.excerpt ?? `${story.title}, reported by ${story.source.name}.`;
  const images = story.image
    ? [{ url: story.image.url, width: story.image.width ?? undefined, height: story.image.height ?? undefined }]
    : [];
  return {
    title: story.title,
    description,
    alternates: { canonical: story.path },
    openGraph: { type: 'article', title: story.title, description, url: story.path, publishedTime: story.publishedAt, images },
    twitter: {
      card: story.image ? 'summary_large_image' : 'summary',
      title: story.title,
      description,
      images: images.map((image) => image.url),
    },
  };
}

export default async function StoryPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const story = await loadStory(slug);
  // Another article of the story: a temporary redirect, since the story's lead may change.
  if (storyIdFromSlug(slug) !== story.id) redirect(story.path);
  if (decodeSegment(slug) !== storySlug(story.id, story.title)) permanentRedirect(story.path);
  const more = await cachedListMoreOnTopics(
    story.id,
    story.topics.map((topic) => topic.slug),
  );
  const lead = story.images[0];

  return (
    <article className="story-page" aria-labelledby="story-title">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(newsArticleJsonLd(story)) }} />
      <header>
        <p className="story-meta">
          <SourceName source={story.source} /> · <RelativeTime iso={story.publishedAt} />
          {story.category ? <> · {story.category}</> : null}
          {story.sources > 1 ? <> · {story.sources} sources</> : null}
        </p>
        <h1 id="story-title">{story.title}</h1>
      </header>
      {lead ? <StoryImage url={lead.url} width={lead.width} height={lead.height} className="story-page-image" eager alt="" /> : null}
      {story.excerpt ? <p className="story-page-excerpt">{story.excerpt}</p> : null}
      {story.youtubeVideoId ? (
        <div className="video">
          <iframe
            src={`https://www.youtube-nocookie.com/embed/${story.youtubeVideoId}`}
            title={`Video: ${story.title}`}
            width={560}
            height={315}
            loading="lazy"
            allow="accelerometer; encrypted-media; gyroscope; picture-in-picture"
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation"
            allowFullScreen
          />
        </div>
      ) : null}
      <ul className="source-links" aria-label="Read the story">
        {story.url ? (
          <li>
            <a href={story.url} className="button">
              Read at {story.source.name}
            </a>
          </li>
        ) : null}
        {story.originalUrl && story.originalUrl !== story.url ? (
          <li>
            <a href={story.originalUrl}>Original report</a>
          </li>
        ) : null}
        {story.ampUrl ? (
          <li>
            <a href={story.ampUrl}>AMP version</a>
          </li>
        ) : null}
      </ul>
      <TopicChips topics={story.topics} />

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">
          Full coverage ({story.related.length} {story.related.length === 1 ? 'link' : 'links'}, {story.sources}{' '}
          {story.sources === 1 ? 'source' : 'sources'})
        </h2>
        {story.related.length === 0 ? (
          <p className="empty">No other outlet’s coverage is linked to this story yet.</p>
        ) : (
          <ol className="coverage">
            {story.related.map((link, index) => (
              <li key={index} className="coverage-item">
                <div>
                  <h3 className="coverage-title">{link.url ? <a href={link.url}>{link.title}</a> : link.title}</h3>
                  <p className="story-meta">
                    {link.sourceName ?? link.sourceDomain ?? 'Unknown outlet'}
                    {link.publishedAt ? (
                      <>
                        {' '}
                        · <RelativeTime iso={link.publishedAt} />
                      </>
                    ) : null}
                    {link.ampUrl ? (
                      <>
                        {' '}
                        · <a href={link.ampUrl}>AMP</a>
                      </>
                    ) : null}
                  </p>
                  {link.excerpt ? <p className="story-excerpt">{link.excerpt}</p> : null}
                </div>
                {link.image ? (
                  <StoryImage url={link.image.url} width={link.image.width} height={link.image.height} className="story-image" />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {more.length > 0 ? (
        <section aria-labelledby="more-heading">
          <h2 id="more-heading">More on these topics</h2>
          <ol className="stories">
            {more.map((other) => (
              <li key={other.id}>
                <StoryItem story={other} headingLevel={3} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
