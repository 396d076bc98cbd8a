/**
 * npm run stories [-- --json]     every story with its articles' seed paths
 * npm run stories:rebuild         re-clusters every article, keeping editors' decisions
 *
 * Reads the database named by DATABASE_URL. `--json` prints
 * {"clusters": [["<seed path>", …], …]}: one array per story, members in
 * publication order. Without it: one line per story of two or more articles,
 * then a summary. Errors are one line, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { runCommand, UsageError } from '../lib/cli/describe-cli-error';
import { assertDatabaseReachable } from '../lib/db/assert-database-reachable';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { listStoryClusters } from '../lib/db/bulk/list-story-clusters';
import { rebuildStories } from '../lib/db/bulk/rebuild-stories';
import { openSqlConnection } from '../lib/db/bulk/sql-connection';
import { prepareDatabaseIfNeeded } from '../lib/db/prepare-database';
import { clusteringOptionsFromEnv } from '../lib/stories/story-window';

const USAGE = 'usage: npm run stories -- [--json] | npm run stories:rebuild';

await runCommand('stories', async () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; ${USAGE}`);
  }
  const [command = 'list', ...rest] = parsed.positionals;
  if (rest.length > 0 || !['list', 'rebuild'].includes(command))
    throw new UsageError(`unknown command "${parsed.positionals.join(' ')}"; ${USAGE}`);
  const options = clusteringOptionsFromEnv();
  const url = resolveDatabaseUrl();
  await assertDatabaseReachable(url);
  await prepareDatabaseIfNeeded(url, { quiet: true });
  const sql = await openSqlConnection(url);
  try {
    if (command === 'rebuild') {
      const report = await rebuildStories(sql, options);
      console.log(
        `${report.articles} articles in ${report.stories} stories; ${report.storiesChanged} articles moved story, ${report.storiesCreated} stories created, ${report.removed} removed (${report.seconds.toFixed(1)} s)`,
      );
      return 0;
    }
    const clusters = await listStoryClusters(sql);
    if (parsed.values.json) {
      console.log(JSON.stringify({ clusters }));
      return 0;
    }
    for (const cluster of clusters) if (cluster.length > 1) console.log(cluster.join('  '));
    const articles = clusters.reduce((sum, cluster) => sum + cluster.length, 0);
    console.log(
      `${articles} articles in ${clusters.length} stories (${clusters.filter((c) => c.length > 1).length} with more than one article)`,
    );
    return 0;
  } finally {
    await sql.close();
  }
});
