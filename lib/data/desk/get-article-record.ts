import 'server-only';
import type { DbClient } from '../../db/client';
import { safeHttpUrl } from '../../links/safe-url';
import { youtubeVideoId } from '../../links/youtube-embed';
import { isVisible } from '../reader/visibility';

export type ArticleRecord = {
  id: number;
  category: string | null;
  type: string | null;
  excerpt: string | null;
  heat: number | null;
  leadImage: { url: string; width: number | null; height: number | null; title: string | null } | null;
  topics: { slug: string; name: string; label: string }[];
  provider: { name: string; domain: string; logoUrl: string | null; spelledInRecord: string };
  links: { label: string; url: string }[];
  related: {
    outlet: string | null;
    domain: string | null;
    title: string;
    url: string | null;
    publishedAt: string | null;
    quality: number | null;
  }[];
  file: {
    path: string | null;
    says: { published: boolean | null; quality: number | null };
    editorsSet: { published: string | null; quality: string | null };
  };
  current: { published: boolean; quality: number | null; visibleNow: boolean };
  /** A YouTube video id recognised in `featuredContent` (raw HTML, never rendered); `hasFeaturedContent` when there is any. */
  featuredVideoId: string | null;
  hasFeaturedContent: boolean;
};

/**
 * What the record holds, for the desk's article page: every field an editor
 * decides from, made safe to show (only http(s) URLs, no raw HTML).
 */
export async function getArticleRecord(db: DbClient, id: number, now = new Date()): Promise<ArticleRecord | null> {
  const article = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      category: true,
      type: true,
      excerpt: true,
      heat: true,
      webUrl: true,
      originalUrl: true,
      ampWebUrl: true,
      featuredContent: true,
      filePath: true,
      filePublished: true,
      fileQuality: true,
      published: true,
      quality: true,
      publishAt: true,
      unpublishAt: true,
      publishedEditedAt: true,
      qualityEditedAt: true,
      sourceName: true,
      source: { select: { name: true, domain: true, logoUrl: true } },
      images: {
        where: { role: 'lead' },
        orderBy: { position: 'asc' },
        take: 1,
        select: { url: true, width: true, height: true, title: true },
      },
      topics: { orderBy: { position: 'asc' }, select: { label: true, topic: { select: { slug: true, name: true } } } },
      related: {
        orderBy: { position: 'asc' },
        select: { title: true, webUrl: true, publishedAt: true, quality: true, sourceName: true, source: { select: { domain: true } } },
      },
    },
  });
  if (!article) return null;
  const lead = article.images[0];
  const leadUrl = safeHttpUrl(lead?.url);
  const links = (
    [
      ['web', article.webUrl],
      ['original', article.originalUrl],
      ['AMP', article.ampWebUrl],
    ] as const
  ).flatMap(([label, value]) => {
    const url = safeHttpUrl(value);
    return url ? [{ label, url }] : [];
  });
  return {
    id: article.id,
    category: article.category,
    type: article.type,
    excerpt: article.excerpt,
    heat: article.heat,
    leadImage: leadUrl ? { url: leadUrl, width: lead!.width, height: lead!.height, title: lead!.title } : null,
    // One entry per topic: a record may spell the same topic twice (`AI`, `ai`).
    topics: [
      ...new Map(
        article.topics.map((topic) => [topic.topic.slug, { slug: topic.topic.slug, name: topic.topic.name, label: topic.label }]),
      ).values(),
    ],
    provider: {
      name: article.source.name,
      domain: article.source.domain,
      logoUrl: safeHttpUrl(article.source.logoUrl),
      spelledInRecord: article.sourceName,
    },
    links,
    related: article.related.map((link) => ({
      outlet: link.sourceName,
      domain: link.source?.domain ?? null,
      title: link.title,
      url: safeHttpUrl(link.webUrl),
      publishedAt: link.publishedAt?.toISOString() ?? null,
      quality: link.quality,
    })),
    file: {
      path: article.filePath,
      says: { published: article.filePublished, quality: article.fileQuality },
      editorsSet: { published: article.publishedEditedAt?.toISOString() ?? null, quality: article.qualityEditedAt?.toISOString() ?? null },
    },
    current: { published: article.published, quality: article.quality, visibleNow: isVisible(article, now) },
    featuredVideoId: youtubeVideoId(article.featuredContent),
    hasFeaturedContent: Boolean(article.featuredContent),
  };
}
