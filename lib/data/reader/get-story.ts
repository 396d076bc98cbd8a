import 'server-only';
import { getDb } from '../../db/client';
import { safeHttpUrl } from '../../links/safe-url';
import { isScore } from '../../ranking/score';
import { youtubeVideoId } from '../../reader/featured-video';
import { STORY_CARD_SELECT, toStoryCard, type Image, type StoryCard } from './story-card';
import { visibleArticleWhere } from './visibility';

export type StoryDetail = Omit<StoryCard, 'related'> & {
  category: string | null;
  type: string | null;
  originalUrl: string | null;
  webUrl: string | null;
  ampUrl: string | null;
  images: Image[];
  /** A YouTube video id parsed out of `featuredContent`, when it embeds one; the HTML itself is never used. */
  youtubeVideoId: string | null;
  related: (StoryCard['related'][number] & {
    excerpt: string | null;
    ampUrl: string | null;
    quality: number | null;
    image: Image | null;
  })[];
  updatedAt: string;
};

/** A published story with everything the story page shows; null when missing or unpublished. */
export async function getStory(id: number): Promise<StoryDetail | null> {
  const row = await getDb().article.findFirst({
    where: { id, ...visibleArticleWhere(new Date()) },
    select: {
      ...STORY_CARD_SELECT,
      category: true,
      type: true,
      ampWebUrl: true,
      cdnAmpWebUrl: true,
      featuredContent: true,
      updatedAt: true,
      images: { where: { role: 'lead' }, orderBy: { position: 'asc' }, select: { url: true, width: true, height: true } },
      related: {
        orderBy: { position: 'asc' },
        select: {
          title: true,
          excerpt: true,
          webUrl: true,
          ampWebUrl: true,
          publishedAt: true,
          sourceName: true,
          quality: true,
          images: true,
          source: { select: { domain: true } },
        },
      },
    },
  });
  if (!row) return null;
  const card = toStoryCard(row);
  return {
    ...card,
    category: row.category,
    type: row.type,
    originalUrl: safeHttpUrl(row.originalUrl),
    webUrl: safeHttpUrl(row.webUrl),
    ampUrl: safeHttpUrl(row.ampWebUrl) ?? safeHttpUrl(row.cdnAmpWebUrl),
    images: row.images.flatMap((image) => {
      const url = safeHttpUrl(image.url);
      return url ? [{ url, width: image.width, height: image.height }] : [];
    }),
    youtubeVideoId: youtubeVideoId(row.featuredContent),
    related: row.related.map((link, index) => {
      const first = Array.isArray(link.images)
        ? (link.images[0] as { url?: unknown; width?: unknown; height?: unknown } | undefined)
        : undefined;
      const imageUrl = typeof first?.url === 'string' ? safeHttpUrl(first.url) : null;
      return {
        ...card.related[index]!,
        excerpt: link.excerpt,
        ampUrl: safeHttpUrl(link.ampWebUrl),
        quality: isScore(link.quality) ? link.quality : null,
        image: imageUrl
          ? {
              url: imageUrl,
              width: typeof first?.width === 'number' ? first.width : null,
              height: typeof first?.height === 'number' ? first.height : null,
            }
          : null,
      };
    }),
    updatedAt: row.updatedAt.toISOString(),
  };
}
