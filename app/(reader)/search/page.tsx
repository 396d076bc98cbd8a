import type { Metadata } from 'next';
import Link from 'next/link';
import { Highlighted } from '@/components/reader/highlighted';
import { StoryItem } from '@/components/reader/story-item';
import { TopicChips } from '@/components/reader/topic-chips';
import { SEARCH_PAGE_SIZE } from '@/lib/data/reader/search-stories';
import { cachedListTopics, cachedSearchStories } from '@/lib/cache/cached-queries';

type SearchParams = { q?: string | string[]; page?: string | string[] };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const q = first((await searchParams).q).trim();
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

/**
 * Full-text search, ranked by relevance: a repeated search (same words, same
 * page) is served from the shared data cache until articles change.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = first(params.q).slice(0, 200);
  const page = Math.max(1, Math.min(500, Number.parseInt(first(params.page), 10) || 1));
  const results = q.trim() ? await cachedSearchStories(q, page) : null;
  const pages = results ? Math.ceil(results.total / SEARCH_PAGE_SIZE) : 0;
  const pageHref = (n: number) => `/search?${new URLSearchParams({ q, ...(n > 1 ? { page: String(n) } : {}) })}`;

  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className="search-page-form">
        <label htmlFor="search-page-input">Words to find in headlines, excerpts and related coverage</label>
        <div>
          <input id="search-page-input" type="search" name="q" defaultValue={q} />
          <button type="submit">Search</button>
        </div>
      </form>
      {!results ? (
        <SearchHelp />
      ) : results.terms.length === 0 ? (
        <p className="empty">Type some words (letters or numbers) to search for.</p>
      ) : results.total === 0 ? (
        <div className="empty">
          <p>
            No published story matches <strong>{results.terms.join(' ')}</strong>.
          </p>
          <SearchHelp />
        </div>
      ) : (
        <>
          <p role="status">
            {results.more ? `Over ${results.total}` : results.total} {results.total === 1 ? 'story matches' : 'stories match'}{' '}
            <strong>{results.terms.join(' ')}</strong>
            {results.more ? ' (showing the best among the most recent)' : ''}
            {pages > 1 ? `, page ${page} of ${pages}` : ''}.
          </p>
          <ol className="stories">
            {results.hits.map((hit) => (
              <li key={hit.id}>
                <StoryItem
                  story={hit}
                  title={<Highlighted text={hit.titleHighlight} />}
                  excerpt={
                    hit.excerptHighlight ? (
                      <p className="story-excerpt">
                        <Highlighted text={hit.excerptHighlight} />
                      </p>
                    ) : undefined
                  }
                  extra={
                    hit.relatedHighlight ? (
                      <p className="search-related">
                        In related coverage: <Highlighted text={hit.relatedHighlight} />
                      </p>
                    ) : null
                  }
                />
              </li>
            ))}
          </ol>
          <nav className="pagination" aria-label="Pagination">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev">
                ← Better matches
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={pageHref(page + 1)} rel="next">
                More matches →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}

async function SearchHelp() {
  const topics = (await cachedListTopics()).slice(0, 8);
  return (
    <div className="search-help">
      <p>Every word must appear; the last one may be the start of a word (“facial recog” finds “facial recognition”).</p>
      {topics.length > 0 ? (
        <>
          <p>Or browse a topic:</p>
          <TopicChips topics={topics} label="Busiest topics" />
        </>
      ) : null}
    </div>
  );
}
