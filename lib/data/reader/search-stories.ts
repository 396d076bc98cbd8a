import 'server-only';
import { getDatabaseEngine, getDb } from '../../db/client';
import { MARK_END, MARK_START, markTerms, searchTerms, snippetAround, toFts5Query, toTsQuery } from '../../reader/search-query';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { loadStoryCards } from './load-story-cards';
import type { StoryCard } from './story-card';
import { visibleArticleSql } from './visibility';

export const SEARCH_PAGE_SIZE = 20;

/**
 * Relevance is ranked among the most recently added matches, at most this
 * many: ranking every match of a very common word costs time proportional to
 * the corpus (measured ~130 ms at 100k articles), while this bounds it.
 */
export const SEARCH_WINDOW = 2_000;

export type SearchHit = StoryCard & { titleHighlight: string; excerptHighlight: string | null; relatedHighlight: string | null };
/** `total` is exact up to SEARCH_WINDOW; `more` says there are more matches than that. */
export type SearchResults = { terms: string[]; total: number; more: boolean; hits: SearchHit[] };

type Ranked = { sid: number; id: number; titleHighlight: string; excerptHighlight: string | null; relatedHighlight: string | null };
type Ranking = { total: number; more: boolean; ranked: Ranked[] };
type Match = { sid: number | bigint; id: number | bigint };

/**
 * SQLite FTS5, BM25-ranked: a title match counts most, then related
 * coverage titles, then the excerpt. One hit per story: its best-ranked
 * match. CROSS JOIN keeps the full-text index as the outer loop: otherwise
 * SQLite may walk the articles and run the match once per article
 * (measured: 29 s instead of milliseconds at 20k articles). The ranking is
 * materialised first (bm25 cannot sit under a window function), and only
 * the page's matches are highlighted.
 */
async function rankWithFts5(query: string, limit: number, offset: number): Promise<Ranking> {
  const db = getDb();
  const visible = visibleArticleSql(new Date());
  const [edge] = await db.$queryRaw<{ id: bigint | number }[]>`
    SELECT rowid AS id FROM article_search WHERE article_search MATCH ${query}
    ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW - 1}`;
  const since = Number(edge?.id ?? 0);
  const [count] = await db.$queryRaw<{ total: bigint | number }[]>`
    SELECT COUNT(DISTINCT COALESCE(a."storyId", -a."id")) AS total FROM article_search s CROSS JOIN "Article" a ON a.id = s.rowid
    WHERE article_search MATCH ${query} AND s.rowid >= ${since} AND ${visible}`;
  const matches = await db.$queryRaw<Match[]>`
    WITH m AS MATERIALIZED (
      SELECT COALESCE(a."storyId", -a."id") AS sid, a.id AS id, bm25(article_search, 10.0, 2.0, 5.0) AS score, a."publishedAt" AS p
      FROM article_search s CROSS JOIN "Article" a ON a.id = s.rowid
      WHERE article_search MATCH ${query} AND s.rowid >= ${since} AND ${visible}
    ), r AS (
      SELECT sid, id, score, p, ROW_NUMBER() OVER (PARTITION BY sid ORDER BY score, p DESC, id DESC) AS rn FROM m
    )
    SELECT sid, id FROM r WHERE rn = 1 ORDER BY score, p DESC, id DESC
    LIMIT ${limit} OFFSET ${offset}`;
  const ids = matches.map((match) => Number(match.id));
  const marked =
    ids.length === 0
      ? []
      : await db.$queryRaw<
          { id: number | bigint; titleHighlight: string; excerptHighlight: string | null; relatedHighlight: string | null }[]
        >`
    SELECT rowid AS id,
      highlight(article_search, 0, ${MARK_START}, ${MARK_END}) AS "titleHighlight",
      snippet(article_search, 1, ${MARK_START}, ${MARK_END}, '…', 32) AS "excerptHighlight",
      snippet(article_search, 2, ${MARK_START}, ${MARK_END}, '…', 16) AS "relatedHighlight"
    FROM article_search WHERE article_search MATCH ${query} AND rowid IN (${PrismaRuntime.join(ids)})`;
  const byId = new Map(marked.map((row) => [Number(row.id), row]));
  const ranked = matches.flatMap((match) => {
    const row = byId.get(Number(match.id));
    return row ? [{ ...row, id: Number(match.id), sid: Number(match.sid) }] : [];
  });
  return { total: Number(count?.total ?? 0), more: since > 0, ranked };
}

/**
 * PostgreSQL tsvector with a GIN index, ranked by ts_rank_cd over the
 * weighted document, one hit per story (its best-ranked match).
 * Highlighting happens here (markTerms), not in ts_headline, which cost
 * ~70 ms per page of results at 100k articles.
 */
async function rankWithTsvector(query: string, terms: string[], limit: number, offset: number): Promise<Ranking> {
  const db = getDb();
  const visible = visibleArticleSql(new Date());
  const [edge] = await db.$queryRaw<{ id: number }[]>`
    SELECT "articleId" AS id FROM article_search WHERE document @@ to_tsquery('english', ${query})
    ORDER BY "articleId" DESC OFFSET ${SEARCH_WINDOW - 1} LIMIT 1`;
  const since = Number(edge?.id ?? 0);
  const [count] = await db.$queryRaw<{ total: bigint | number }[]>`
    SELECT COUNT(DISTINCT COALESCE(a."storyId", -a."id")) AS total FROM article_search s JOIN "Article" a ON a.id = s."articleId"
    WHERE s.document @@ to_tsquery('english', ${query}) AND s."articleId" >= ${since} AND ${visible}`;
  const rows = await db.$queryRaw<{ sid: number; id: number; title: string; excerpt: string | null; relatedTitles: string }[]>`
    WITH m AS (
      SELECT COALESCE(a."storyId", -a."id") AS sid, a.id, a.title, a.excerpt, a."relatedTitles", ts_rank_cd(s.document, q) AS score, a."publishedAt" AS p
      FROM article_search s JOIN "Article" a ON a.id = s."articleId", to_tsquery('english', ${query}) q
      WHERE s.document @@ q AND s."articleId" >= ${since} AND ${visible}
    ), r AS (
      SELECT m.*, ROW_NUMBER() OVER (PARTITION BY sid ORDER BY score DESC, p DESC, id DESC) AS rn FROM m
    )
    SELECT sid, id, title, excerpt, "relatedTitles" FROM r WHERE rn = 1
    ORDER BY score DESC, p DESC, id DESC
    LIMIT ${limit} OFFSET ${offset}`;
  const ranked = rows.map((row) => ({
    sid: Number(row.sid),
    id: Number(row.id),
    titleHighlight: markTerms(row.title, terms),
    excerptHighlight: row.excerpt ? snippetAround(markTerms(row.excerpt, terms), 20) : null,
    relatedHighlight: snippetAround(markTerms(row.relatedTitles, terms), 8),
  }));
  return { total: Number(count?.total ?? 0), more: since > 0, ranked };
}

/**
 * Published stories matching every word, best first, one hit per story
 * shown as its lead (as on the river), with the matched words marked: the
 * match's own highlights when the lead is the article that matched, else
 * the lead's headline and excerpt marked.
 */
export async function searchStories(input: string, page = 1): Promise<SearchResults> {
  const terms = searchTerms(input);
  if (terms.length === 0) return { terms, total: 0, more: false, hits: [] };
  const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE;
  const { total, more, ranked } =
    getDatabaseEngine() === 'sqlite'
      ? await rankWithFts5(toFts5Query(terms), SEARCH_PAGE_SIZE, offset)
      : await rankWithTsvector(toTsQuery(terms), terms, SEARCH_PAGE_SIZE, offset);
  const cards = await loadStoryCards(ranked.map((row) => row.sid));
  const hits = ranked.flatMap((row) => {
    const card = cards.get(row.sid);
    if (!card) return [];
    if (card.id !== row.id) {
      const excerpt = card.excerpt ? snippetAround(markTerms(card.excerpt, terms), 20) : null;
      return [
        {
          ...card,
          titleHighlight: markTerms(card.title, terms),
          excerptHighlight: excerpt?.includes(MARK_START) ? excerpt : null,
          relatedHighlight: null,
        },
      ];
    }
    const related = row.relatedHighlight?.includes(MARK_START) ? row.relatedHighlight.replaceAll('\n', ' · ') : null;
    const excerpt = row.excerptHighlight?.trim() ? row.excerptHighlight : null;
    return [{ ...card, titleHighlight: row.titleHighlight, excerptHighlight: excerpt, relatedHighlight: related }];
  });
  return { terms, total, more, hits };
}
