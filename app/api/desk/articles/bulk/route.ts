import { guardResponse, RequestInput } from '@/lib/auth/guard';
import { readJsonBody } from '@/lib/http/read-json-body';
import { bulkEdit } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/**
 * POST /api/desk/articles/bulk with
 * { "selection": { "articles": [{ "id", "version" }] } | { "filter": {…} }, "published"?, "quality"? }
 */
export async function POST(request: Request) {
  return guardResponse(await bulkEdit(new RequestInput(() => readJsonBody(request)), { request }));
}
