import Link from 'next/link';
import type { StoryCard } from '@/lib/data/reader/story-card';
import { Score } from '../score';

const ORDERS = [
  { key: 'latest', label: 'Latest', href: '/latest' },
  { key: 'top', label: 'Top', href: '/' },
  { key: 'trending', label: 'Trending', href: '/trending' },
] as const;

/** The first ten of each river order exactly as readers see them now, with quality and heat, each a link to its desk page. */
export function RiverNow({ river }: { river: Record<(typeof ORDERS)[number]['key'], StoryCard[]> }) {
  return (
    <section aria-labelledby="river-title" className="overview-panel">
      <h2 id="river-title">The river now</h2>
      <div className="river-now">
        {ORDERS.map((order) => (
          <section key={order.key} aria-labelledby={`river-${order.key}`}>
            <h3 id={`river-${order.key}`}>
              {order.label} <Link href={order.href}>(as readers see it)</Link>
            </h3>
            {river[order.key].length === 0 ? (
              <p className="empty">Readers see nothing here.</p>
            ) : (
              <table className="desk-table river-table">
                <caption className="visually-hidden">{order.label}: the first ten stories readers see</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Headline</th>
                    <th scope="col" className="numeric">
                      Quality
                    </th>
                    <th scope="col" className="numeric">
                      Heat
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {river[order.key].map((story, index) => (
                    <tr key={story.id}>
                      <td>{index + 1}</td>
                      <td>
                        <Link href={`/desk/articles/${story.id}`}>{story.title}</Link>
                        <span className="river-source"> · {story.source.name}</span>
                      </td>
                      <td className="numeric">
                        <Score value={story.quality} />
                      </td>
                      <td className="numeric">
                        <Score value={story.heat} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
