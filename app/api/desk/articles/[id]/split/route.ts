import { guardResponse } from '@/lib/auth/guard';
import { splitStory } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** POST /api/desk/articles/{id}/split: the article leaves its story for a story of its own. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardResponse(await splitStory({ articleId: (await params).id }, { request }));
}
