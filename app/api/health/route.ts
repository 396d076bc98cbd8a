import { checkDatabase } from '@/lib/data/health/check-database';
import { isDraining } from '@/lib/server/draining';

export const dynamic = 'force-dynamic';

/**
 * Readiness for load balancers: 200 when the database answers; 503 when it
 * does not, or while this instance is shutting down.
 */
export async function GET() {
  const database = await checkDatabase();
  const draining = isDraining();
  const ok = database.ok && !draining;
  return Response.json(
    { status: draining ? 'draining' : database.ok ? 'ok' : 'unavailable', database },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
