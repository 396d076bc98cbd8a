import 'server-only';
import type { DbClient } from '../../db/client';
import type { Digest } from '../../schemas/digest';

/** Keeps a digest as it is now: what readers see of that day from here on, until an editor republishes. */
export async function freezeDigest(db: DbClient, digest: Digest, now: Date): Promise<void> {
  await db.digestEdition.upsert({
    where: { day: digest.day },
    create: { day: digest.day, note: digest.note, snapshot: digest, frozenAt: now },
    update: { snapshot: digest, frozenAt: now, version: { increment: 1 } },
  });
}
