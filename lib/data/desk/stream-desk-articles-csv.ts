import 'server-only';
import { getDb } from '../../db/client';
import { csvLine } from '../../export/csv-cell';
import { safeHttpUrl } from '../../links/safe-url';
import type { TDeskQuery } from '../../schemas/desk';
import { deskFilterWhere } from './desk-filter-where';
import { deskOrderBy } from './desk-order-by';

/** Rows read per query: memory stays flat whatever the export's size. */
export const EXPORT_BATCH = 1000;

export const EXPORT_COLUMNS = [
  'id',
  'title',
  'source',
  'domain',
  'publishedAt',
  'published',
  'quality',
  'heat',
  'publishAt',
  'unpublishAt',
  'updatedAt',
  'url',
  'filePath',
] as const;

/**
 * Every article matching the desk's filters, in its sort order, as CSV (the
 * header, then one chunk of lines per batch), read a batch at a time by cursor: an export of any size
 * streams without holding the list.
 */
export async function* streamDeskArticlesCsv(
  query: Pick<TDeskQuery, Exclude<keyof TDeskQuery, 'page' | 'pageSize'>>,
  batch = EXPORT_BATCH,
): AsyncGenerator<string> {
  const db = getDb();
  const { where } = await deskFilterWhere(query);
  yield csvLine([...EXPORT_COLUMNS]);
  let cursor: number | undefined;
  for (;;) {
    const rows = await db.article.findMany({
      where,
      orderBy: deskOrderBy(query),
      take: batch,
      ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
      select: {
        id: true,
        title: true,
        sourceName: true,
        source: { select: { domain: true } },
        publishedAt: true,
        published: true,
        quality: true,
        heat: true,
        publishAt: true,
        unpublishAt: true,
        updatedAt: true,
        webUrl: true,
        originalUrl: true,
        filePath: true,
      },
    });
    let chunk = '';
    for (const row of rows) {
      chunk += csvLine([
        row.id,
        row.title,
        row.sourceName,
        row.source.domain,
        row.publishedAt.toISOString(),
        row.published,
        row.quality,
        row.heat,
        row.publishAt?.toISOString() ?? null,
        row.unpublishAt?.toISOString() ?? null,
        row.updatedAt.toISOString(),
        safeHttpUrl(row.webUrl) ?? safeHttpUrl(row.originalUrl),
        row.filePath,
      ]);
    }
    if (chunk) yield chunk;
    if (rows.length < batch) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
