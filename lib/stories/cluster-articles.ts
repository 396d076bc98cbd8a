import { assignStories } from './assign-stories';
import type { ClusterInput, ClusteringOptions } from './cluster-input';

/**
 * Groups articles into stories: each story an array of keys in canonical
 * order (its leader first), the stories ordered by their leaders. Every
 * article is in exactly one story, and the result does not depend on the
 * order of `articles`.
 */
export function clusterArticles(articles: readonly ClusterInput[], options?: Partial<ClusteringOptions>): string[][] {
  const stories = new Map<string, string[]>();
  // assignStories walks the canonical order, so leaders and members arrive sorted.
  for (const { key, leaderKey } of assignStories(articles, options)) {
    let members = stories.get(leaderKey);
    if (!members) stories.set(leaderKey, (members = []));
    members.push(key);
  }
  return [...stories.values()];
}
