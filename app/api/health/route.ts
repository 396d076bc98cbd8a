import { checkDatabase } from '@/lib/data/health/check-database';
import { isDraining } from '@/lib/server/draining';

export const dynamic = 'force-dynamic';

/**
 * Readiness for load balancers: 200 when the database answers; 503 when it
 * does not, or while this instance is shutting down. Anyone may ask, so the
 * answer is up/down and the database's latency only: which database, and why
 * it failed, go to the server log, never to the caller.
 */
export async function GET() {
  const database = await checkDatabase();
  if (!database.ok) console.error(`newsdesk: health check: database unavailable: ${database.error}`);
  const draining = isDraining();
  const ok = database.ok && !draining;
  return Response.json(
    { status: draining ? 'draining' : database.ok ? 'ok' : 'unavailable', latencyMs: database.latencyMs },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
