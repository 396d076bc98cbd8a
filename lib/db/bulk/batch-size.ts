/**
 * Articles per transaction. Index pages touched by a transaction are written
 * once per commit, so bigger batches write far less: 500 → 2,500 took a 100k
 * import from ~34 s to ~20 s (5,000 and 10,000 measured no better). Each
 * transaction holds SQLite's write lock for about a second, short enough for
 * editors' changes (which wait up to 10 s) to wait it out.
 */
export const BATCH_SIZE = 5_000;
