import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeskFilters } from '@/components/desk/desk-filters';
import { DeskTable } from '@/components/desk/articles/desk-table';
import { DESK_SEARCH_LIMIT } from '@/lib/data/desk/desk-filter-where';
import { listTopicOptions } from '@/lib/data/desk/list-topic-options';
import { DESK_SORTS, ZDeskQuery, type TDeskQuery } from '@/lib/schemas/desk';
import { deskHref } from '@/lib/links/desk-path';
import { listArticles, listMyViews, listUpcomingScheduleChanges } from '@/lib/operations';
import { SavedViews } from '@/components/desk/articles/saved-views';
import { UpcomingSchedule } from '@/components/desk/schedule/upcoming-schedule';
import { PresenceBeacon } from '@/components/desk/live/presence-beacon';

export const metadata: Metadata = { title: 'Articles' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = ZDeskQuery.safeParse(raw);
  const query: TDeskQuery = parsed.success ? parsed.data : ZDeskQuery.parse({});
  const [result, upcoming, views] = await Promise.all([listArticles(query), listUpcomingScheduleChanges({}), listMyViews({})]);
  if (!result.ok) {
    if (result.status === 401) redirect('/signin?callbackUrl=/desk/articles');
    // An importer's desk is the Import page.
    if (result.status === 403) redirect('/desk/import');
    return <p role="alert">{result.error}</p>;
  }
  const page = result.data;
  const sortHrefs = Object.fromEntries(
    DESK_SORTS.map((column) => [
      column,
      deskHref(query, { sort: column, dir: query.sort === column && query.dir === 'desc' ? 'asc' : 'desc', page: 1 }),
    ]),
  ) as Record<TDeskQuery['sort'], string>;
  const { sort: _sort, dir: _dir, page: _page, pageSize: _pageSize, group: _group, ...filter } = query;
  const grouped = query.group === 'story';
  const unit = (count: number) => (grouped ? (count === 1 ? 'story' : 'stories') : count === 1 ? 'article' : 'articles');

  return (
    <>
      <h1>Articles</h1>
      <PresenceBeacon articleId={0} />
      {!parsed.success ? (
        <p role="alert" className="form-error">
          Some filters were not understood and were ignored:{' '}
          {parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}
        </p>
      ) : null}
      <DeskFilters query={query} topics={await listTopicOptions()} />
      <SavedViews views={views.ok ? views.data : []} currentQuery={deskHref(query, { page: 1 }).split('?')[1] ?? ''} />
      {upcoming.ok ? <UpcomingSchedule changes={upcoming.data} /> : null}
      {page.searchTruncated ? (
        <p className="notice">
          Many articles match that search: showing the {DESK_SEARCH_LIMIT} most recently added. Add words or filters to narrow it.
        </p>
      ) : null}
      <DeskTable
        key={deskHref(query)}
        rows={page.rows}
        groups={page.groups}
        total={page.total}
        filter={filter}
        sort={{ column: query.sort, dir: query.dir }}
        sortHrefs={sortHrefs}
      />
      <nav className="pagination" aria-label="Pages">
        {page.page > 1 ? (
          <Link href={deskHref(query, { page: page.page - 1 })} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span />
        )}
        <span>
          Page {page.page} of {page.pages} · {page.total} {unit(page.total)}
        </span>
        {page.page < page.pages ? (
          <Link href={deskHref(query, { page: page.page + 1 })} rel="next">
            Next →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
