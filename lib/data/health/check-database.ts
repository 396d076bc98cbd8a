import 'server-only';
import { getDatabaseEngine, getDb } from '../../db/client';

export async function checkDatabase(): Promise<{ ok: boolean; provider: string; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return { ok: true, provider: getDatabaseEngine(), latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      provider: getDatabaseEngine(),
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message.split('\n')[0] : 'unknown error',
    };
  }
}
