import { listLatestArticles } from '@/lib/data/articles/list-latest-articles';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const articles = await listLatestArticles();
  return (
    <main>
      <h1>Newsdesk</h1>
      <ol>
        {articles.map((article) => (
          <li key={article.id}>
            {article.url ? <a href={article.url}>{article.title}</a> : article.title} — {article.providerName},{' '}
            <time dateTime={article.publishedAt.toISOString()}>{article.publishedAt.toUTCString()}</time>
          </li>
        ))}
      </ol>
    </main>
  );
}
