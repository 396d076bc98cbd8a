import type { Prisma } from '../../db/client';
import type { TDeskQuery } from '../../schemas/desk';

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

/** The desk table's order: the chosen column, ties broken by id in the same direction. */
export function deskOrderBy(query: Pick<TDeskQuery, 'sort' | 'dir'>): Prisma.ArticleOrderByWithRelationInput[] {
  return [SORT_COLUMNS[query.sort](query.dir), { id: query.dir }];
}
