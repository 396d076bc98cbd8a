/**
 * What story clustering needs to know about an article, and nothing more: the
 * clustering is pure, so the database integration and the tests can feed it
 * the same values.
 */
export type ClusterInput = {
  /** The seed path: unique, and the tie-breaker of the canonical order. */
  key: string;
  title: string;
  excerpt: string | null;
  publishedAt: Date;
  /** The article's own addresses: webUrl, originalUrl and their AMP variants. */
  urls: string[];
  /** Addresses of its related coverage (webUrl and AMP variants of each link). */
  relatedUrls: string[];
  /** The provider's domain as the record wrote it (may carry www.). */
  sourceDomain: string;
};

export type ClusteringOptions = {
  /**
   * How far apart two articles' publication times may be for text to count
   * as evidence that they report the same story. Identical URLs ignore it.
   */
  windowHours: number;
};

export const DEFAULT_CLUSTERING_OPTIONS: ClusteringOptions = { windowHours: 72 };

export function resolveOptions(options?: Partial<ClusteringOptions>): ClusteringOptions {
  const windowHours = options?.windowHours ?? DEFAULT_CLUSTERING_OPTIONS.windowHours;
  if (!(windowHours >= 0) || !Number.isFinite(windowHours)) {
    throw new RangeError(`windowHours must be a finite number >= 0 (got ${windowHours})`);
  }
  return { windowHours };
}
