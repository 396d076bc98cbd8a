import { guardResponse } from '@/lib/auth/guard';
import { importReportCsv } from '@/lib/import/import-report-csv';
import { getImport } from '@/lib/operations';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/desk/imports/{id}: the run (its progress while it runs) and its per-file report.
 * ?format=csv or ?format=json downloads the report as a file.
 */
export async function GET(request: Request, { params }: Context) {
  const result = await getImport({ id: (await params).id }, { request });
  const format = new URL(request.url).searchParams.get('format');
  if (!result.ok || (format !== 'csv' && format !== 'json')) return guardResponse(result);
  const run = result.data;
  const name = `import-${run.startedAt.toISOString().slice(0, 19).replaceAll(':', '-')}-${run.id.slice(0, 8)}.${format}`;
  const body = format === 'csv' ? importReportCsv(run.report ?? []) : JSON.stringify(run, null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
