/**
 * Where an article is shown: the story an editor pinned it to, else the
 * story of its automatic cluster, followed through editors' merges to the
 * story that absorbed it. A merge cycle (which the operations refuse) stops
 * at the first story seen twice, so resolution always ends.
 */
export function resolveStoryId(base: number | null, mergedInto: ReadonlyMap<number, number>): number | null {
  if (base === null) return null;
  const seen = new Set<number>();
  let current = base;
  for (;;) {
    seen.add(current);
    const next = mergedInto.get(current);
    if (next === undefined || seen.has(next)) return current;
    current = next;
  }
}

/** The key an article is clustered under: its seed path, or `#id` for an article that came from no file. */
export function articleKey(filePath: string | null, id: number): string {
  return filePath ?? `#${id}`;
}
