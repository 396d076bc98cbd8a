import { guardResponse, readJsonBody } from '@/lib/auth/guard';
import { bulkEdit } from '@/lib/operations/desk-operations';

export const dynamic = 'force-dynamic';

/**
 * POST /api/desk/articles/bulk with
 * { "selection": { "articles": [{ "id", "version" }] } | { "filter": {…} }, "published"?, "quality"? }
 */
export async function POST(request: Request) {
  return guardResponse(await bulkEdit(await readJsonBody(request), { request }));
}
