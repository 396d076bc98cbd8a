// @ts-check
/**
 * The header through which the app's own server (scripts/serve-next.mjs)
 * hands each request's socket address to the app. The server deletes any copy
 * a client sent before setting it, and marks itself on `globalThis`, so the
 * app only believes the header when it was set by that server.
 */
export const CLIENT_ADDRESS_HEADER = 'x-newsdesk-socket-address';

const MARK = Symbol.for('newsdesk.stampsSocketAddress');

/** Called once by the server that stamps every request. */
export function markSocketAddressStamped() {
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[MARK] = true;
}

/** Whether this process's HTTP server stamps (and so vouches for) the header. */
export function socketAddressIsStamped() {
  return /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[MARK] === true;
}

/**
 * Replaces whatever the client sent in the header with the socket's address.
 * @param {import('node:http').IncomingMessage} request
 */
export function stampSocketAddress(request) {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
}
