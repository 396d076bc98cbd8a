/**
 * Every story as the seed paths of its articles (`Article.filePath`, as
 * stored at import): members in canonical order (publishedAt, then path),
 * stories in the order of their first member. What `npm run stories -- --json`
 * prints, and what the tests compare with the pure clustering.
 */
import { compareCanonical } from '../../stories/canonical-order';
import { articleKey } from '../../stories/resolve-story';
import { asDate, type SqlConnection } from './sql-connection';

export async function listStoryClusters(sql: SqlConnection): Promise<string[][]> {
  const rows = await sql.query<{ id: unknown; filePath: string | null; publishedAt: unknown; storyId: unknown }>(
    'SELECT "id", "filePath", "publishedAt", "storyId" FROM "Article"',
  );
  const members = rows
    .map((row) => ({
      key: articleKey(row.filePath, Number(row.id)),
      publishedAt: asDate(row.publishedAt)!,
      story: row.storyId === null ? `article ${Number(row.id)}` : String(row.storyId),
    }))
    .sort(compareCanonical);
  const stories = new Map<string, string[]>();
  for (const member of members) {
    let keys = stories.get(member.story);
    if (!keys) stories.set(member.story, (keys = []));
    keys.push(member.key);
  }
  return [...stories.values()];
}
