import type { FileReport } from './import-seed-folder';

/** A spreadsheet cell: quoted, and never read as a formula (a leading =, +, -, @ is escaped). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The per-file report as CSV: path, outcome, reasons (joined with "; "). */
export function importReportCsv(files: readonly FileReport[]): string {
  const lines = [['path', 'outcome', 'reasons'].join(',')];
  for (const file of files) lines.push([cell(file.path), cell(file.outcome), cell((file.errors ?? []).join('; '))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
