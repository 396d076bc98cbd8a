import 'server-only';
import type { DbClient } from '../../db/client';
import { overviewSql, toNumber, type OverviewRange } from './overview-sql';

export type EditorChanges = { editor: string; total: number; days: { day: string; changes: number }[] };

const DAY_MS = 86_400_000;

/**
 * Each editor's field changes (the ArticleChange trail: desk, bulk, undo and
 * API) per UTC day of the range, on articles in the topic when one is given;
 * busiest editor first. Days are compared as text on SQLite, where SQL
 * defaults and Prisma write date-times in different spellings.
 */
export async function countEditorChangesPerDay(db: DbClient, range: OverviewRange, limit = 8): Promise<EditorChanges[]> {
  const s = overviewSql();
  const day = s.day(s.sql`c."createdAt"`);
  const from = range.start.toISOString().slice(0, 10);
  const until = range.end.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<{ userId: string | null; day: string; changes: bigint | number }[]>(s.sql`
    SELECT c."userId" AS "userId", ${day} AS day, COUNT(*) AS changes
    FROM "ArticleChange" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."createdAt" >= ${s.at(new Date(range.start.getTime() - DAY_MS))} AND ${day} >= ${from} AND ${day} < ${until}
      AND ${s.inTopic(range.topicId)}
    GROUP BY c."userId", ${day}`);
  const perUser = new Map<string | null, Map<string, number>>();
  for (const row of rows) {
    const days = perUser.get(row.userId) ?? new Map<string, number>();
    days.set(row.day, toNumber(row.changes));
    perUser.set(row.userId, days);
  }
  const userIds = [...perUser.keys()].filter((id): id is string => id !== null);
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } })).map((user) => [
      user.id,
      user.name || user.email,
    ]),
  );
  const allDays: string[] = [];
  for (let at = range.start.getTime(); at < range.end.getTime(); at += DAY_MS) allDays.push(new Date(at).toISOString().slice(0, 10));
  return [...perUser.entries()]
    .map(([userId, days]) => ({
      editor: userId === null ? 'deleted user' : (users.get(userId) ?? userId),
      total: [...days.values()].reduce((sum, count) => sum + count, 0),
      days: allDays.map((d) => ({ day: d, changes: days.get(d) ?? 0 })),
    }))
    .sort((a, b) => b.total - a.total || a.editor.localeCompare(b.editor))
    .slice(0, limit);
}
