import 'server-only';
import { getDb } from '../../db/client';
import { deskOrderBy } from './desk-order-by';
import type { TDeskQuery } from '../../schemas/desk';
import { deskFilterWhere } from './desk-filter-where';
import type { DeskPage } from '../../schemas/desk-responses';
import { DESK_ROW_SELECT, toDeskRow } from './editorial-fields';

export type { DeskPage };

/** The desk's table: every article, published or not, filtered, sorted and paged. */
export async function listDeskArticles(query: TDeskQuery): Promise<DeskPage> {
  const db = getDb();
  const { where, searchTruncated } = await deskFilterWhere(query);
  const [total, records] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: deskOrderBy(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: DESK_ROW_SELECT,
    }),
  ]);
  return {
    rows: records.map(toDeskRow),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    searchTruncated,
  };
}
