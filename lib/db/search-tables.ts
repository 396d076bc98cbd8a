import type { DatabaseEngine } from './database-url.mjs';

/**
 * Tables the full-text search owns. They are created by hand-written
 * migration SQL and kept in sync by triggers, so Prisma Migrate must treat
 * them as external (FTS5 also creates its shadow tables behind the scenes).
 */
export const SEARCH_TABLES = {
  sqlite: ['article_search', 'article_search_config', 'article_search_data', 'article_search_docsize', 'article_search_idx'],
  postgresql: ['public.article_search'],
} as const satisfies Record<DatabaseEngine, readonly string[]>;
