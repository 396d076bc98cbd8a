import 'server-only';
import { Prisma as PrismaRuntime } from '../../generated/prisma-sqlite/client.ts';
import { getDatabaseEngine, type Prisma } from '../../db/client';

/**
 * SQL pieces the overview's aggregates share, per engine. SQLite keeps
 * date-times as ISO-8601 text (Prisma writes `…+00:00`, SQL defaults write
 * `YYYY-MM-DD HH:MM:SS`), so its days are the first ten characters;
 * PostgreSQL's are `timestamp(3)` in UTC.
 */
export function overviewSql() {
  const sqlite = getDatabaseEngine() === 'sqlite';
  return {
    /** An instant as the column compares. */
    at: (date: Date): unknown => (sqlite ? date.toISOString().replace('Z', '+00:00') : date),
    /** The UTC day (YYYY-MM-DD) of a date-time column. */
    day: (column: Prisma.Sql): Prisma.Sql =>
      sqlite ? PrismaRuntime.sql`substr(${column}, 1, 10)` : PrismaRuntime.sql`to_char(${column}, 'YYYY-MM-DD')`,
    /** Articles (aliased `a`) in one topic, or every article when `topicId` is undefined. */
    inTopic: (topicId: number | undefined): Prisma.Sql =>
      topicId === undefined
        ? PrismaRuntime.sql`1 = 1`
        : PrismaRuntime.sql`EXISTS (SELECT 1 FROM "ArticleTopic" t WHERE t."articleId" = a."id" AND t."topicId" = ${topicId})`,
    /** `published` as a 0/1 number. */
    publishedFlag: sqlite ? PrismaRuntime.sql`a."published"` : PrismaRuntime.sql`CASE WHEN a."published" THEN 1 ELSE 0 END`,
    raw: (text: string) => PrismaRuntime.raw(text),
    sql: PrismaRuntime.sql,
  };
}

/** Counts come back as bigint from SQLite and PostgreSQL alike: plain numbers for the page. */
export const toNumber = (value: bigint | number | string | null): number => (value === null ? 0 : Number(value));

/** The resolved filter the overview's data functions take: [start, end) and a topic id (undefined: every topic). */
export type OverviewRange = { start: Date; end: Date; topicId?: number };
