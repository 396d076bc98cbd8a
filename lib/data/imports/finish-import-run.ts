import 'server-only';
import type { DbClient, Prisma } from '../../db/client';
import type { FileReport } from '../../import/import-seed-folder';

export type FinishedImport =
  | { status: 'done'; created: number; updated: number; unchanged: number; rejected: number; outcomes: FileReport[] }
  | { status: 'failed'; error: string; processed: number };

export async function finishImportRun(db: DbClient, id: string, result: FinishedImport): Promise<void> {
  const data: Prisma.ImportRunUpdateInput =
    result.status === 'done'
      ? {
          status: 'done',
          finishedAt: new Date(),
          processed: result.outcomes.length,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          report: result.outcomes as unknown as Prisma.InputJsonValue,
        }
      : { status: 'failed', finishedAt: new Date(), processed: result.processed, error: result.error.slice(0, 2000) };
  await db.importRun.update({ where: { id }, data });
}
