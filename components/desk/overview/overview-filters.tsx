import Link from 'next/link';
import { OVERVIEW_RANGES } from '@/lib/schemas/overview';

/** The overview's filters as a plain GET form: the URL holds them, and every panel reads them. */
export function OverviewFilters({
  from,
  to,
  topic,
  topics,
}: {
  from: string;
  to: string;
  topic: string | null;
  topics: { slug: string; name: string }[];
}) {
  const topicParam = topic ? `&topic=${encodeURIComponent(topic)}` : '';
  return (
    <form action="/desk" method="get" className="desk-filters" aria-label="Filter the overview">
      <label>
        From
        <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={to} />
      </label>
      <label>
        Topic
        <select name="topic" defaultValue={topic ?? ''}>
          <option value="">All topics</option>
          {topics.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      <div className="desk-filter-actions">
        <button type="submit">Apply</button>
        {OVERVIEW_RANGES.map((days) => (
          <Link key={days} href={`/desk?days=${days}${topicParam}`}>
            Last {days} days
          </Link>
        ))}
        <Link href="/desk">Clear</Link>
      </div>
    </form>
  );
}
