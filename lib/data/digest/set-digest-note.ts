import 'server-only';
import type { DbClient } from '../../db/client';

/** The editors' one line for a day (null removes it). A frozen digest shows it once republished. */
export async function setDigestNote(db: DbClient, day: string, note: string | null, now: Date) {
  const edition = await db.digestEdition.upsert({
    where: { day },
    create: { day, note, editedAt: now },
    update: { note, editedAt: now, version: { increment: 1 } },
    select: { day: true, note: true, frozenAt: true },
  });
  return { ...edition, frozenAt: edition.frozenAt?.toISOString() ?? null };
}
