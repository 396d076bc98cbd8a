/**
 * Runs once when a server instance starts (not during `next build`).
 *
 * - In production a missing session secret stops the server with a clear
 *   message (next-auth would otherwise fail on the first sign-in).
 * - On SIGTERM/SIGINT the instance reports itself as draining on
 *   /api/health (503), so a load balancer stops sending it traffic while
 *   Next.js finishes the requests in flight and exits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { MISSING_SECRET_MESSAGE } = await import('./lib/auth/session-secret-message');
  if (process.env.NODE_ENV === 'production' && !process.env.NEXTAUTH_SECRET) {
    console.error(`\nnewsdesk: ${MISSING_SECRET_MESSAGE}\n`);
    process.exit(1);
  }
  const { markDraining } = await import('./lib/server/draining');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, markDraining);
}
