/**
 * `npm run stories:rebuild`: clusters every article again from scratch and
 * stores the result, keeping editors' decisions (articles split out stay
 * pinned, merged stories stay merged, chosen leads stay chosen: they live on
 * Story rows, which keep their ids across leader changes). Stories left with
 * no article, no key anyone carries and no decision pointing at them are
 * removed.
 */
import { assignStories } from '../../stories/assign-stories';
import type { ClusteringOptions } from '../../stories/cluster-input';
import { refreshIdentityUrls } from './assign-article-stories';
import { loadClusterInputs } from './load-cluster-inputs';
import type { SqlConnection } from './sql-connection';
import { removeEmptyStories, writeStoryAssignments, type WrittenAssignments } from './write-story-assignments';

export type RebuildReport = WrittenAssignments & { articles: number; stories: number; removed: number; seconds: number };

export async function rebuildStories(sql: SqlConnection, options?: Partial<ClusteringOptions>): Promise<RebuildReport> {
  const started = performance.now();
  const articles = await loadClusterInputs(sql, '1 = 1', [], { related: 'all' });
  const leaderOf = new Map(assignStories(articles, options).map(({ key, leaderKey }) => [key, leaderKey]));
  const written = await sql.transaction(async () => {
    await sql.query('DELETE FROM "ArticleIdentityUrl"');
    await refreshIdentityUrls(sql, articles, { fresh: true });
    return writeStoryAssignments(sql, articles, leaderOf);
  });
  const removed = await removeEmptyStories(sql);
  return {
    ...written,
    articles: articles.length,
    stories: new Set(leaderOf.values()).size,
    removed: removed.length,
    seconds: (performance.now() - started) / 1000,
  };
}
