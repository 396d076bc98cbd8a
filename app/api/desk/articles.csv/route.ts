import { guardResponse } from '@/lib/auth/guard';
import { exportArticles } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/**
 * GET /api/desk/articles.csv?<the desk's filters and sort>: every matching
 * article as CSV, streamed a batch at a time (any size; `page` and
 * `pageSize` are ignored).
 */
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await exportArticles(query, { request });
  if (!result.ok) return guardResponse(result);
  const chunks = result.data;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const name = `articles-${new Date().toISOString().slice(0, 16).replace(':', '-')}.csv`;
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
