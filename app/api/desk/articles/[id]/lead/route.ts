import { guardResponse } from '@/lib/auth/guard';
import { chooseLead } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** POST /api/desk/articles/{id}/lead: readers see this article first for its story. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardResponse(await chooseLead({ articleId: (await params).id }, { request }));
}
