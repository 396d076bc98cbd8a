/**
 * Node.js server start-up (see instrumentation.ts):
 * - in production a missing session secret stops the server with a clear
 *   message (next-auth would otherwise fail on the first sign-in);
 * - on SIGTERM/SIGINT the instance reports itself as draining on
 *   /api/health (503), so a load balancer stops sending it traffic while
 *   Next.js finishes the requests in flight and exits.
 */
import { MISSING_SECRET_MESSAGE } from '../auth/session-secret-message';
import { markDraining } from './draining';

if (process.env.NODE_ENV === 'production' && !process.env.NEXTAUTH_SECRET) {
  console.error(`\nnewsdesk: ${MISSING_SECRET_MESSAGE}\n`);
  process.exit(1);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, markDraining);
