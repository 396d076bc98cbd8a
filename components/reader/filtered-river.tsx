import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { cachedListStories } from '@/lib/cache/cached-queries';
import type { StoryFilter } from '@/lib/data/reader/list-stories';
import { StoryList } from './story-list';

/** The latest stories of one topic or source, one page from `cursor`. */
export async function FilteredRiver({
  heading,
  basePath,
  filter,
  cursor,
}: {
  heading: ReactNode;
  basePath: string;
  filter: StoryFilter;
  cursor?: string;
}) {
  const page = await cachedListStories('latest', cursor, filter);
  if (page.invalidCursor) notFound();
  return (
    <>
      {heading}
      <StoryList
        stories={page.stories}
        nextHref={page.nextCursor ? `${basePath}/after/${page.nextCursor}` : null}
        emptyText="No more stories here."
      />
    </>
  );
}
