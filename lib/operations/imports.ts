/**
 * Imports through the guard: the desk's Import page and newsroom scripts
 * (POST /api/desk/imports) upload files that the one import pipeline takes
 * in; both can list recent imports and read each one's report.
 */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { getImportRun } from '../data/imports/get-import-run';
import { listImportRuns } from '../data/imports/list-import-runs';
import { RefusedError } from '../errors/refused-error';
import { importUpload } from '../import/import-upload';
import { StagedUpload } from '../import/upload/stage-upload';

const ZImportId = z.string({ error: 'is required' }).regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'must be an import id' });

export const importArticles = guarded({
  permission: 'importArticles',
  input: z.object({
    upload: z.instanceof(StagedUpload, { error: 'must be an upload' }),
    /** Chosen by the client (a UUID) to follow the run's progress while its request is in flight. */
    id: z.uuid({ error: 'must be a UUID' }).optional(),
  }),
  run: ({ upload, id }, { db, user, via }) => importUpload(db, upload, { id, actor: user, via }),
  audit: {
    action: 'articles.import',
    target: (_input, result) => (result ? { type: 'importRun', id: result.id } : null),
    detail: (result) => ({
      what: result.what,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected,
    }),
  },
  commitsItsOwnWork: true,
  changesReaderPages: (result) => result.changedReaderPages,
});

export const listImports = guarded({
  permission: 'importArticles',
  input: z.object({}).strict(),
  run: (_input, { db }) => listImportRuns(db),
});

export const getImport = guarded({
  permission: 'importArticles',
  input: z.object({ id: ZImportId }),
  run: async ({ id }, { db }) => {
    const run = await getImportRun(db, id);
    if (!run) throw new RefusedError(404, `There is no import ${id}.`);
    return run;
  },
});
