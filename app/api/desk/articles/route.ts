import { guardResponse } from '@/lib/auth/guard';
import { listArticles } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** GET /api/desk/articles?q=&status=&story=&storyId=&topic=&source=&from=&to=&qualityMin=&qualityMax=&sort=&dir=&page=&pageSize=&group= */
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return guardResponse(await listArticles(query, { request }));
}
