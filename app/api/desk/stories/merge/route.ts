import { guardResponse, RequestInput } from '@/lib/auth/guard';
import { readJsonBody } from '@/lib/http/read-json-body';
import { mergeStories } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** POST /api/desk/stories/merge with { "storyId", "intoStoryId" }: story storyId's articles are shown in intoStoryId. */
export async function POST(request: Request) {
  return guardResponse(await mergeStories(new RequestInput(() => readJsonBody(request)), { request }));
}
