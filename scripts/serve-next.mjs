// @ts-check
/**
 * The HTTP server `npm start` runs: Next.js's own request handler behind a
 * plain Node server, so that every request carries the address of the socket
 * it came in on (lib/server/client-address-header.mjs) — the one client
 * address nobody but the network chooses. Sign-in rate limits key on it
 * (lib/auth/client-address.ts). URLs no route could mean are answered 400
 * before Next.js sees them (lib/server/malformed-url.mjs). Pages served from
 * the cache leave with the hashes of their inline scripts in place of the
 * placeholder `'unsafe-inline'` of their Content-Security-Policy
 * (lib/server/inline-script-hashes.mjs).
 *
 * PORT and HOSTNAME as for `next start`. On SIGTERM/SIGINT it stops accepting
 * connections, lets requests in flight finish, then exits (the health check
 * reports "draining" meanwhile: lib/server/on-server-start.ts).
 */
import { createServer } from 'node:http';
import next from 'next';
import { markSocketAddressStamped, stampSocketAddress } from '../lib/server/client-address-header.mjs';
import { malformedUrlReason } from '../lib/server/malformed-url.mjs';
import { hashInlineScriptsOf } from '../lib/server/inline-script-hashes.mjs';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

markSocketAddressStamped();
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const malformed = malformedUrlReason(request.url ?? '/');
  if (malformed) {
    response
      .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(`Bad request: ${malformed}.\n`);
    return;
  }
  stampSocketAddress(request);
  hashInlineScriptsOf(request, response);
  handle(request, response).catch((error) => {
    console.error('newsdesk: request failed', error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
// Keep idle connections longer than a load balancer does (60 s is the usual
// idle timeout): otherwise the server may close a connection at the moment a
// client or proxy reuses it, and that request fails with a reset.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`newsdesk: listening on http://${hostname ?? 'localhost'}:${port}`);
});

for (const [signal, code] of /** @type {const} */ ([
  ['SIGTERM', 143],
  ['SIGINT', 130],
])) {
  process.once(signal, () => {
    server.close(() => {
      app.close().finally(() => process.exit(code));
    });
    server.closeIdleConnections();
    // Connections that stay busy do not hold the process forever.
    setTimeout(() => process.exit(code), 10_000).unref();
  });
}
