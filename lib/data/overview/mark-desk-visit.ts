import 'server-only';
import type { DbClient } from '../../db/client';
import { visitStamps } from '../../overview/visit-boundary';

/** Stamps an editor's visit to the overview (see lib/overview/visit-boundary.ts); answers where their queue starts. */
export async function markDeskVisit(db: DbClient, userId: string, now: Date): Promise<{ since: string }> {
  const stamps = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { deskVisitAt: true, deskSinceAt: true } });
  const next = visitStamps(stamps, now);
  await db.user.update({ where: { id: userId }, data: next });
  return { since: next.deskSinceAt.toISOString() };
}
