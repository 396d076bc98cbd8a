/** Editors' decisions about the daily digest, through the guard. */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { getDigest } from '../data/digest/get-digest';
import { listDigestCandidates as listDigestCandidatesData } from '../data/digest/list-digest-candidates';
import { republishDigest as republishDigestData } from '../data/digest/republish-digest';
import { setDigestNote as setDigestNoteData } from '../data/digest/set-digest-note';
import { setDigestPick } from '../data/digest/set-digest-pick';
import {} from '../digest/day-bounds.mjs';
import { ZDay } from '../schemas/digest';
import { ZDigestNote } from '../schemas/digest';

const ZArticleRef = z.coerce.number({ error: 'must be an article id' }).int().positive().max(2_147_483_647);

/** A day's digest as editors work on it: the same as readers see, plus whether edits wait for a republish. */
export const getDigestForDesk = guarded({
  permission: 'curateArticles',
  input: z.object({ day: ZDay }).strict(),
  run: ({ day }, { db }) => getDigest(db, day, new Date()),
});

export const listDigestCandidates = guarded({
  permission: 'curateArticles',
  input: z.object({ day: ZDay }).strict(),
  run: ({ day }, { db }) => listDigestCandidatesData(db, day, new Date()),
});

export const setDigestNote = guarded({
  permission: 'curateArticles',
  input: z.object({ day: ZDay, note: ZDigestNote }).strict(),
  run: ({ day, note }, { db }) => setDigestNoteData(db, day, note, new Date()),
  audit: { action: 'digest.note', target: ({ day }) => ({ type: 'digest', id: day }), detail: (edition) => ({ note: edition.note }) },
  changesReaderPages: true,
});

export const pickForDigest = guarded({
  permission: 'curateArticles',
  input: z.object({ day: ZDay, articleId: ZArticleRef, kind: z.enum(['pin', 'drop']).nullable() }).strict(),
  run: ({ day, articleId, kind }, { db }) => setDigestPick(db, day, articleId, kind, new Date()),
  audit: {
    action: 'digest.pick',
    target: ({ day }) => ({ type: 'digest', id: day }),
    detail: (pick) => ({ articleId: pick.articleId, kind: pick.kind }),
  },
  changesReaderPages: true,
});

export const republishDigest = guarded({
  permission: 'curateArticles',
  input: z.object({ day: ZDay }).strict(),
  run: ({ day }, { db }) => republishDigestData(db, day, new Date()),
  audit: {
    action: 'digest.republish',
    target: ({ day }) => ({ type: 'digest', id: day }),
    detail: (outcome) => ({ stories: outcome.stories }),
  },
  changesReaderPages: true,
});
