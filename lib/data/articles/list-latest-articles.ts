import 'server-only';
import { getDb } from '../../db/client';

export type LatestArticle = {
  id: number;
  title: string;
  url: string | null;
  providerName: string;
  publishedAt: Date;
};

/** Published articles, newest first. */
export async function listLatestArticles(limit = 30): Promise<LatestArticle[]> {
  const articles = await getDb().article.findMany({
    where: { published: true },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, title: true, webUrl: true, originalUrl: true, publishedAt: true, provider: { select: { name: true } } },
  });
  return articles.map((article) => ({
    id: article.id,
    title: article.title,
    url: article.webUrl ?? article.originalUrl,
    providerName: article.provider.name,
    publishedAt: article.publishedAt,
  }));
}
