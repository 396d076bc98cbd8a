import 'server-only';
import type { Prisma } from '../../db/client';

/** A run as the Import page and the API list it: everything but its per-file report. */
export const IMPORT_RUN_SUMMARY = {
  id: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
  actorEmail: true,
  via: true,
  what: true,
  status: true,
  files: true,
  processed: true,
  created: true,
  updated: true,
  unchanged: true,
  rejected: true,
  error: true,
} satisfies Prisma.ImportRunSelect;

type ImportRunRow = Prisma.ImportRunGetPayload<{ select: typeof IMPORT_RUN_SUMMARY }>;

/** How a run stands: `running`, `done`, `failed`, or `interrupted` (its process stopped while it ran). */
export type ImportRunState = 'running' | 'done' | 'failed' | 'interrupted';

export type ImportRunSummary = ImportRunRow & { state: ImportRunState };

/** A run that has not moved for this long while "running" was cut off. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export function withState<R extends ImportRunRow>(run: R, now = Date.now()): R & { state: ImportRunState } {
  const state: ImportRunState =
    run.status === 'running'
      ? now - run.updatedAt.getTime() > INTERRUPTED_AFTER_MS
        ? 'interrupted'
        : 'running'
      : run.status === 'failed'
        ? 'failed'
        : 'done';
  return { ...run, state };
}
