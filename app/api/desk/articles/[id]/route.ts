import { guardResponse, RequestInput } from '@/lib/auth/guard';
import { BodyRefusal, readJsonBody } from '@/lib/http/read-json-body';
import { editArticle, getArticle } from '@/lib/operations';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/desk/articles/{id}: the article with its change history. */
export async function GET(request: Request, { params }: Context) {
  return guardResponse(await getArticle({ id: (await params).id }, { request }));
}

/** PATCH /api/desk/articles/{id} with { "published"?, "quality"?, "version" }. */
export async function PATCH(request: Request, { params }: Context) {
  const { id } = await params;
  const input = new RequestInput(async () => {
    const body = await readJsonBody(request);
    return body && typeof body === 'object' && !Array.isArray(body) && !(body instanceof BodyRefusal) ? { ...body, id } : body;
  });
  return guardResponse(await editArticle(input, { request }));
}
