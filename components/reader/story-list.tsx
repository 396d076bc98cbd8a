import Link from 'next/link';
import type { StoryCard } from '@/lib/data/reader/story-card';
import { StoryItem } from './story-item';

export function StoryList({ stories, nextHref, emptyText }: { stories: StoryCard[]; nextHref: string | null; emptyText: string }) {
  if (stories.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <>
      <ol className="stories">
        {stories.map((story, index) => (
          <li key={story.id}>
            <StoryItem story={story} eagerImage={index < 2} />
          </li>
        ))}
      </ol>
      {nextHref ? (
        <nav className="pagination" aria-label="Pagination">
          <Link href={nextHref} rel="next">
            More stories →
          </Link>
        </nav>
      ) : null}
    </>
  );
}
