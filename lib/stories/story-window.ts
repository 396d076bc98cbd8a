import { z } from 'zod';
import { DEFAULT_CLUSTERING_OPTIONS, type ClusteringOptions } from './cluster-input';

const ZWindowHours = z.coerce
  .number()
  .finite()
  .min(1)
  .max(24 * 90);

/**
 * The clustering options the importer and `npm run stories:rebuild` use:
 * `NEWSDESK_STORY_WINDOW_HOURS` (1 to 2,160 hours), default 72.
 */
export function clusteringOptionsFromEnv(env: Record<string, string | undefined> = process.env): ClusteringOptions {
  const raw = env.NEWSDESK_STORY_WINDOW_HOURS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CLUSTERING_OPTIONS;
  const parsed = ZWindowHours.safeParse(raw);
  if (!parsed.success) throw new Error(`NEWSDESK_STORY_WINDOW_HOURS: expected hours between 1 and 2160, got "${raw}"`);
  return { windowHours: parsed.data };
}
