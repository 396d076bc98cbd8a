/**
 * Assigns stories as articles are imported: the incremental procedure of
 * docs/clustering.md ("Incremental assignment"), over the database.
 *
 * Only the stretch of the canonical order (publishedAt, key) that an import
 * can change is re-clustered: from the earliest written article (or the
 * earliest article an updated one led) until a whole window passes without
 * a change, widened along identical URLs. The stories that began before that
 * stretch come from two bounded reads: the leaders published within one
 * window before it (whose candidate terms the in-memory index of
 * lib/stories matches), and the stories holding one of its articles'
 * normalised URLs (the ArticleIdentityUrl index). No query compares all
 * pairs, and the result is the batch clustering's, whatever the order or
 * batching of imports.
 */
import { assignRegion, type PriorStory } from '../../stories/assign-stories';
import { candidateTerms, identityUrls } from '../../stories/candidate-terms';
import { compareCanonical } from '../../stories/canonical-order';
import { resolveOptions, type ClusteringOptions } from '../../stories/cluster-input';
import { inChunks, loadClusterInputs, loadRelatedUrls, type StoredClusterInput } from './load-cluster-inputs';
import { insertRows, type SqlConnection } from './sql-connection';
import { writeStoryAssignments, type WrittenAssignments } from './write-story-assignments';

const HOUR_MS = 3_600_000;

/** Replaces the identity-URL index rows of `articles` with their current normalised addresses. */
export async function refreshIdentityUrls(sql: SqlConnection, articles: readonly StoredClusterInput[], { fresh = false } = {}) {
  if (!fresh) {
    await inChunks(
      sql,
      articles.map((article) => article.id),
      (list, chunk) => sql.query(`DELETE FROM "ArticleIdentityUrl" WHERE "articleId" IN (${list})`, chunk),
    );
  }
  await insertRows(
    sql,
    'ArticleIdentityUrl',
    ['url', 'articleId'],
    articles.flatMap((article) => identityUrls(article).map((url) => [url, article.id])),
  );
}

/**
 * Leaders read by earlier assignments in this process, by id: a watcher or a
 * server importing one file after another meets the same leaders of the
 * last window again and again, and reusing the same objects reuses their
 * computed features (lib/stories caches them per object). An entry is used
 * only while the stored row still reads the same; the map is bounded.
 */
const knownLeaders = new Map<number, { signature: string; input: StoredClusterInput; related: boolean }>();
const KNOWN_LEADERS_MAX = 50_000;

const signatureOf = (article: StoredClusterInput) =>
  JSON.stringify([
    article.updatedAt.getTime(),
    article.key,
    article.title,
    article.excerpt,
    article.publishedAt.getTime(),
    article.urls,
    article.sourceDomain,
  ]);

/** The same article as an earlier call's object when nothing the clustering reads has changed. */
function reuseLeader(article: StoredClusterInput): { input: StoredClusterInput; related: boolean } {
  const signature = signatureOf(article);
  const known = knownLeaders.get(article.id);
  if (known && known.signature === signature) {
    // Story fields may have moved since: take them from the row just read.
    Object.assign(known.input, {
      storyKey: article.storyKey,
      storyId: article.storyId,
      pinnedStoryId: article.pinnedStoryId,
      published: article.published,
    });
    return known;
  }
  if (knownLeaders.size >= KNOWN_LEADERS_MAX) knownLeaders.clear();
  const entry = { signature, input: article, related: false };
  knownLeaders.set(article.id, entry);
  return entry;
}

type Holder = { url: string; id: unknown; filePath: string | null; publishedAt: unknown; storyKey: string | null };

/** Articles holding one of `urls`, published at or after `from` (or, with `upTo`, at or before it). */
async function holdersOf(sql: SqlConnection, urls: readonly string[], bound: { from: Date } | { upTo: Date }): Promise<Holder[]> {
  const [comparison, at] = 'from' in bound ? ['>=', bound.from] : ['<=', bound.upTo];
  return inChunks(
    sql,
    [...new Set(urls)],
    (list, chunk) =>
      sql.query<Holder>(
        `SELECT u."url", a."id", a."filePath", a."publishedAt", a."storyKey" FROM "ArticleIdentityUrl" u JOIN "Article" a ON a."id" = u."articleId"
         WHERE a."publishedAt" ${comparison} ${sql.placeholder(1)} AND u."url" IN (${list})`,
        [at, ...chunk],
      ),
    1,
  );
}

/**
 * The stories that began before `start` which a region article could join:
 * the leaders within the window before it, and the stories of earlier
 * articles holding a region article's URL (with those URLs).
 */
async function priorStories(sql: SqlConnection, region: readonly StoredClusterInput[], start: StoredClusterInput, windowMs: number) {
  const before = (article: Pick<StoredClusterInput, 'publishedAt' | 'key'>) => compareCanonical(article, start) < 0;
  // Only leaders sharing a candidate term with the region can be joined by text: their related links are read, no others'.
  const terms = new Set(region.flatMap(candidateTerms));
  const leaders = (
    await loadClusterInputs(
      sql,
      `a."publishedAt" >= ${sql.placeholder(1)} AND a."publishedAt" <= ${sql.placeholder(2)} AND a."storyKey" = COALESCE(a."filePath", '#' || a."id")`,
      [new Date(start.publishedAt.getTime() - windowMs), start.publishedAt],
      { related: 'none' },
    )
  )
    .filter(before)
    .map(reuseLeader)
    .filter(({ input }) => candidateTerms(input).some((term) => terms.has(term)));
  await loadRelatedUrls(
    sql,
    leaders.filter((leader) => !leader.related).map((leader) => leader.input),
  );
  for (const leader of leaders) leader.related = true;
  const urlsByLeader = new Map<string, string[]>();
  const holders = await holdersOf(sql, region.flatMap(identityUrls), { upTo: start.publishedAt });
  for (const holder of holders) {
    const key = holder.filePath ?? `#${Number(holder.id)}`;
    if (!holder.storyKey || !before({ key, publishedAt: new Date(toIso(holder.publishedAt)) })) continue;
    let urls = urlsByLeader.get(holder.storyKey);
    if (!urls) urlsByLeader.set(holder.storyKey, (urls = []));
    urls.push(holder.url);
  }
  const known = new Map<string, StoredClusterInput>(leaders.map(({ input }) => [input.key, input]));
  const unknown = [...urlsByLeader.keys()].filter((key) => !known.has(key));
  const byKey = await inChunks(sql, unknown, (list, chunk) =>
    loadClusterInputs(sql, `COALESCE(a."filePath", '#' || a."id") IN (${list})`, chunk),
  );
  for (const leader of byKey) known.set(leader.key, leader);
  return [...known.values()].map((leader): PriorStory => ({ leader, urls: urlsByLeader.get(leader.key) ?? [] }));
}

export type AssignmentReport = WrittenAssignments & { regionArticles: number; regions: number };

/**
 * Re-clusters what writing the articles `changedIds` (created or updated)
 * can change, and stores it. Call it after the articles are committed.
 */
export async function assignArticleStories(
  sql: SqlConnection,
  changedIds: readonly number[],
  options?: Partial<ClusteringOptions>,
): Promise<AssignmentReport> {
  const report: AssignmentReport = {
    keysChanged: 0,
    storiesChanged: 0,
    publishedMoved: 0,
    storiesCreated: 0,
    regionArticles: 0,
    regions: 0,
  };
  if (changedIds.length === 0) return report;
  const windowMs = resolveOptions(options).windowHours * HOUR_MS;
  const changed = await inChunks(sql, [...changedIds], (list, chunk) => loadClusterInputs(sql, `a."id" IN (${list})`, chunk));
  if (changed.length === 0) return report;
  await refreshIdentityUrls(sql, changed);

  // An edit removes the article from where it was: whatever it led starts there.
  const led = await inChunks(
    sql,
    changed.map((article) => article.key),
    (list, chunk) =>
      sql.query<{ id: unknown; filePath: string | null; publishedAt: unknown }>(
        `SELECT "id", "filePath", "publishedAt" FROM "Article" WHERE "storyKey" IN (${list})`,
        chunk,
      ),
  );
  const starts = [
    ...changed,
    ...led.map((row) => ({ key: row.filePath ?? `#${Number(row.id)}`, publishedAt: new Date(toIso(row.publishedAt)) })),
  ];
  const first = starts.reduce((a, b) => (compareCanonical(a, b) <= 0 ? a : b));
  const startTime = first.publishedAt;

  let changing = new Map(changed.map((article) => [article.key, article]));
  let end = Math.max(...changed.map((article) => article.publishedAt.getTime())) + windowMs;
  for (;;) {
    report.regions++;
    // URL identity reaches past the window: follow it.
    for (const holder of await holdersOf(sql, [...changing.values()].flatMap(identityUrls), { from: startTime })) {
      end = Math.max(end, new Date(toIso(holder.publishedAt)).getTime());
    }
    const region = (
      await loadClusterInputs(sql, `a."publishedAt" >= ${sql.placeholder(1)} AND a."publishedAt" <= ${sql.placeholder(2)}`, [
        startTime,
        new Date(end),
      ])
    ).filter((article) => compareCanonical(article, first) >= 0);
    const regionStart = region.reduce((a, b) => (compareCanonical(a, b) <= 0 ? a : b));
    const priors = await priorStories(sql, region, regionStart, windowMs);
    const leaderOf = new Map(assignRegion(region, priors, options).map(({ key, leaderKey }) => [key, leaderKey]));
    const newlyChanged = region.filter((article) => leaderOf.get(article.key) !== article.storyKey);
    const reachesFurther =
      newlyChanged.some((article) => article.publishedAt.getTime() + windowMs > end) ||
      (await holdersOf(sql, newlyChanged.flatMap(identityUrls), { from: new Date(end + 1) })).length > 0;
    const grown = newlyChanged.filter((article) => !changing.has(article.key));
    if (reachesFurther && grown.length > 0) {
      changing = new Map([...changing, ...grown.map((article): [string, StoredClusterInput] => [article.key, article])]);
      end = Math.max(end, ...grown.map((article) => article.publishedAt.getTime() + windowMs));
      continue;
    }
    const written = await sql.transaction(() => writeStoryAssignments(sql, region, leaderOf));
    report.keysChanged += written.keysChanged;
    report.storiesChanged += written.storiesChanged;
    report.publishedMoved += written.publishedMoved;
    report.storiesCreated += written.storiesCreated;
    report.regionArticles = region.length;
    return report;
  }
}

function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
