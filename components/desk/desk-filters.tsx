import Link from 'next/link';
import type { TDeskQuery } from '@/lib/schemas/desk';
import { QUALITY_MAX, QUALITY_MIN } from '@/lib/schemas/desk';

/** The desk's filters: a plain GET form, so a filtered view is a URL an editor can share. */
export function DeskFilters({ query, topics }: { query: TDeskQuery; topics: { slug: string; name: string }[] }) {
  return (
    <form action="/desk/articles" method="get" className="desk-filters" aria-label="Filter articles">
      <label className="desk-filter-search">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          placeholder="Words in headline, excerpt or coverage  ( / )"
          data-desk-search
        />
      </label>
      <label>
        Status
        <select name="status" defaultValue={query.status}>
          <option value="all">All</option>
          <option value="published">Published</option>
          <option value="unpublished">Unpublished</option>
          <option value="scheduled">Scheduled (goes live later)</option>
          <option value="live">Live (readers see it now)</option>
          <option value="expired">Expired (came down)</option>
        </select>
      </label>
      <label>
        Story
        <select name="story" defaultValue={query.story ?? ''}>
          <option value="">Any</option>
          <option value="unpublished-member">With an unpublished and a published article</option>
        </select>
      </label>
      <label>
        Topic
        <select name="topic" defaultValue={query.topic ?? ''}>
          <option value="">Any</option>
          {topics.map((topic) => (
            <option key={topic.slug} value={topic.slug}>
              {topic.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source domain
        <input type="text" name="source" defaultValue={query.source ?? ''} placeholder="thehill.com" />
      </label>
      <label>
        From
        <input type="date" name="from" defaultValue={query.from ?? ''} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={query.to ?? ''} />
      </label>
      <label>
        Quality from
        <input type="number" name="qualityMin" min={QUALITY_MIN} max={QUALITY_MAX} step={1} defaultValue={query.qualityMin ?? ''} />
      </label>
      <label>
        to
        <input type="number" name="qualityMax" min={QUALITY_MIN} max={QUALITY_MAX} step={1} defaultValue={query.qualityMax ?? ''} />
      </label>
      <label className="desk-filter-check">
        <input type="checkbox" name="group" value="story" defaultChecked={query.group === 'story'} />
        Group by story
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="desk-filter-actions">
        <button type="submit">Apply</button>
        <Link href="/desk/articles">Clear</Link>
      </div>
    </form>
  );
}
