/**
 * The command line's record of an import (`npm run import`, each batch of
 * the watcher): the same ImportRun row the desk and the API write, so the
 * Import page lists every import whatever its entry point, and its audit
 * event (via `cli`, no actor), both in one transaction. The report keeps
 * the rejected files; the terminal had every line.
 */
import { randomUUID } from 'node:crypto';
import type { FileReport, ImportReport } from '../../import/import-seed-folder';
import { json, type SqlConnection } from './sql-connection';

export async function recordCliImportRun(sql: SqlConnection, what: string, report: ImportReport, startedAt: Date): Promise<string> {
  const id = randomUUID();
  const finishedAt = new Date();
  const rejected: FileReport[] = report.outcomes.filter((outcome) => outcome.outcome === 'rejected');
  const p = (n: number) => sql.placeholder(n);
  await sql.transaction(async () => {
    await sql.query(
      `INSERT INTO "ImportRun" ("id", "startedAt", "finishedAt", "actorId", "actorEmail", "via", "what", "status", "files", "processed", "created", "updated", "unchanged", "rejected", "report", "updatedAt")
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, NULL, NULL, 'cli', ${p(4)}, 'done', ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)})`,
      [
        id,
        startedAt,
        finishedAt,
        what,
        report.files,
        report.files,
        report.created,
        report.updated,
        report.unchanged,
        report.rejected.length,
        json(rejected),
        finishedAt,
      ],
    );
    await sql.query(
      `INSERT INTO "AuditEvent" ("at", "actorId", "action", "targetType", "targetId", "outcome", "status", "via", "detail")
       VALUES (${p(1)}, NULL, 'articles.import', 'importRun', ${p(2)}, 'ok', 200, 'cli', ${p(3)})`,
      [
        finishedAt,
        id,
        json({ what, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length }),
      ],
    );
  });
  return id;
}
