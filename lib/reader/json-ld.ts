import type { StoryDetail } from '../data/reader/get-story';
import { absoluteUrl, SITE_NAME } from './site-url';

/** schema.org NewsArticle for a story page. */
export function newsArticleJsonLd(story: StoryDetail) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    description: story.excerpt ?? undefined,
    datePublished: story.publishedAt,
    dateModified: story.updatedAt,
    url: absoluteUrl(story.path),
    mainEntityOfPage: absoluteUrl(story.path),
    image: story.images.map((image) => image.url),
    isBasedOn: story.url ?? undefined,
    publisher: { '@type': 'Organization', name: story.source.name, url: `https://${story.source.domain}/` },
    sourceOrganization: { '@type': 'Organization', name: SITE_NAME },
    about: story.topics.map((topic) => ({ '@type': 'Thing', name: topic.name })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<` is escaped so no value
 * (a title containing "</script>", say) can end the script element.
 */
export function jsonLdScriptContent(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
