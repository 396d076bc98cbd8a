import { guardResponse, readJsonBody } from '@/lib/auth/guard';
import { editArticleFromApi, getArticle } from '@/lib/operations/desk-operations';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/desk/articles/{id}: the article with its change history. */
export async function GET(request: Request, { params }: Context) {
  return guardResponse(await getArticle({ id: (await params).id }, { request }));
}

/** PATCH /api/desk/articles/{id} with { "published"?, "quality"?, "version" }. */
export async function PATCH(request: Request, { params }: Context) {
  const body = await readJsonBody(request);
  const input = body && typeof body === 'object' && !Array.isArray(body) ? { ...body, id: (await params).id } : body;
  return guardResponse(await editArticleFromApi(input, { request }));
}
