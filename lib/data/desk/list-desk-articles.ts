import 'server-only';
import { getDb, type Prisma } from '../../db/client';
import type { TDeskQuery } from '../../schemas/desk';
import { deskFilterWhere } from './desk-filter-where';
import type { DeskPage } from '../../schemas/desk-responses';
import { DESK_ROW_SELECT, toDeskRow } from './editorial-fields';

const SORT_COLUMNS: Record<TDeskQuery['sort'], (dir: Prisma.SortOrder) => Prisma.ArticleOrderByWithRelationInput> = {
  publishedAt: (dir) => ({ publishedAt: dir }),
  title: (dir) => ({ title: dir }),
  source: (dir) => ({ sourceName: dir }),
  // The *Rank columns put absent values below every value, so each sort is one index scan.
  quality: (dir) => ({ qualityRank: dir }),
  heat: (dir) => ({ heatRank: dir }),
  published: (dir) => ({ published: dir }),
  updatedAt: (dir) => ({ updatedAt: dir }),
};

export type { DeskPage };

/** The desk's table: every article, published or not, filtered, sorted and paged. */
export async function listDeskArticles(query: TDeskQuery): Promise<DeskPage> {
  const db = getDb();
  const { where, searchTruncated } = await deskFilterWhere(query);
  const [total, records] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [SORT_COLUMNS[query.sort](query.dir), { id: query.dir }],
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
