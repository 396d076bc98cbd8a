/** Exports of the desk's lists, through the guard; each export is recorded in the audit trail. */
import 'server-only';
import { guarded } from '../auth/guard';
import { streamDeskArticlesCsv } from '../data/desk/stream-desk-articles-csv';
import { ZDeskQuery } from '../schemas/desk';

/**
 * The desk table's filtered list (every page, in its sort order) as CSV
 * chunks. The caller streams them; the guard has checked who asks first.
 */
export const exportArticles = guarded({
  permission: 'curateArticles',
  input: ZDeskQuery,
  run: async (query) => streamDeskArticlesCsv(query),
  audit: {
    action: 'articles.export',
    target: () => null,
    detail: () => ({ format: 'csv' }),
  },
  // Nothing to roll back: the audit event is written when the export starts.
  commitsItsOwnWork: true,
});
