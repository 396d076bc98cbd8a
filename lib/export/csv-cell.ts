/** A spreadsheet cell: quoted, and never read as a formula (a leading =, +, -, @, tab or CR is escaped). */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export function csvLine(values: (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
