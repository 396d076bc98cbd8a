import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cachedListStories } from '@/lib/cache/cached-queries';
import type { RiverOrder } from '@/lib/reader/river-cursor';
import { StoryList } from './story-list';

export const RIVER_LABELS: Record<RiverOrder, { title: string; path: string; description: string }> = {
  top: { title: 'Top stories', path: '/', description: 'Stories ranked by the editors’ quality score.' },
  latest: { title: 'Latest stories', path: '/latest', description: 'The newest stories first.' },
  trending: { title: 'Trending stories', path: '/trending', description: 'Heat, decayed by age: what is hot right now.' },
};

export function riverPagePath(order: RiverOrder, cursor: string): string {
  return `/${order}/after/${cursor}`;
}

/** The river of published stories in one order, one page from `cursor`. */
export async function River({ order, cursor }: { order: RiverOrder; cursor?: string }) {
  const page = await cachedListStories(order, cursor);
  if (page.invalidCursor) notFound();
  const label = RIVER_LABELS[order];
  return (
    <>
      <div className="river-heading">
        <h1>{label.title}</h1>
        <nav aria-label="Order" className="order-tabs">
          <ul>
            {(Object.keys(RIVER_LABELS) as RiverOrder[]).map((key) => (
              <li key={key}>
                <Link href={RIVER_LABELS[key].path} aria-current={key === order ? 'page' : undefined}>
                  {key === 'top' ? 'Top' : key === 'latest' ? 'Latest' : 'Trending'}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="river-description">{label.description}</p>
      <StoryList
        stories={page.stories}
        nextHref={page.nextCursor ? riverPagePath(order, page.nextCursor) : null}
        emptyText="No published stories yet. Editors publish them from the desk."
      />
    </>
  );
}
