import { guardResponse } from '@/lib/auth/guard';
import { readDeskEvents } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** How often the stream reads the audit trail (and presence): changes show within about this long plus a page refresh. */
const POLL_MS = 1_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET /api/desk/events — the live desk, as server-sent events: `change`
 * (an article changed: its audit event id, action, target and who) and
 * `presence` (who has which article open, whenever that changes). Resumes
 * after the `Last-Event-ID` header (or `?after=`), so a dropped connection
 * loses nothing; every read goes through the guard, so a disabled account's
 * stream ends at its next read.
 */
export async function GET(request: Request) {
  const resume = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
  const first = await readDeskEvents(resume ? { after: resume } : {}, { request });
  if (!first.ok) return guardResponse(first);

  const encoder = new TextEncoder();
  let closed = false;
  request.signal.addEventListener('abort', () => {
    closed = true;
  });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      let presence = '';
      const emit = (data: typeof first.data) => {
        for (const event of data.events) send(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
        const now = JSON.stringify(data.presence.map(({ userId, who, articleId, activity }) => ({ userId, who, articleId, activity })));
        if (now !== presence) {
          presence = now;
          send(`event: presence\ndata: ${now}\n\n`);
        }
      };
      // The id tells the browser where to resume even before the first change.
      send(`retry: 1000\nid: ${first.data.lastId}\nevent: ready\ndata: {"lastId":${first.data.lastId}}\n\n`);
      emit(first.data);
      let after = first.data.lastId;
      let quietSince = Date.now();
      try {
        while (!closed) {
          await sleep(POLL_MS);
          if (closed) break;
          const next = await readDeskEvents({ after }, { request });
          if (!next.ok) {
            send(`event: refused\ndata: ${JSON.stringify({ status: next.status, error: next.error })}\n\n`);
            break;
          }
          after = next.data.lastId;
          emit(next.data);
          if (Date.now() - quietSince > KEEPALIVE_MS) {
            send(': keepalive\n\n');
            quietSince = Date.now();
          }
        }
      } catch {
        // The database went away: the browser reconnects and resumes from its last id.
      }
      closed = true;
      try {
        controller.close();
      } catch {
        // Already closed by the client.
      }
    },
    cancel() {
      closed = true;
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
