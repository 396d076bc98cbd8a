import { guardResponse, RequestInput } from '@/lib/auth/guard';
import { BodyRefusal } from '@/lib/http/read-json-body';
import { uploadLimits } from '@/lib/import/import-limits';
import { stageUpload, type StagedUpload } from '@/lib/import/upload/stage-upload';
import { importArticles, listImports } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** The uploaded file's name, for the record, as the client gives it (X-File-Name, URL-encoded). */
function fileNameOf(request: Request): string | null {
  const raw = request.headers.get('x-file-name');
  if (!raw) return null;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not encoded: taken as it is.
  }
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || null;
}

/**
 * POST /api/desk/imports[?strip=1][&id=<uuid>] with a .tar.gz (Content-Type: application/gzip),
 * a .zip (application/zip) or multipart/form-data with seed files. Answers the per-file report:
 * { id, what, created, updated, unchanged, rejected, skipped, files: [{ path, outcome, errors? }] }.
 */
export async function POST(request: Request) {
  const query = new URL(request.url).searchParams;
  let staged: StagedUpload | null = null;
  try {
    const input = new RequestInput(async () => {
      const strip = Number(query.get('strip') ?? 0);
      if (!Number.isInteger(strip) || strip < 0 || strip > 10) return new BodyRefusal(400, 'strip must be a whole number from 0 to 10');
      const upload = await stageUpload(request, { limits: uploadLimits(), strip, name: fileNameOf(request) });
      if (upload instanceof BodyRefusal) return upload;
      staged = upload;
      return { upload, id: query.get('id') ?? undefined };
    });
    const result = await importArticles(input, { request });
    if (!result.ok) return guardResponse(result);
    const { changedReaderPages: _changed, ...report } = result.data;
    return guardResponse({ ok: true, data: report });
  } finally {
    await (staged as StagedUpload | null)?.discard();
  }
}

/** GET /api/desk/imports: the most recent imports (without their reports). */
export async function GET(request: Request) {
  return guardResponse(await listImports({}, { request }));
}
