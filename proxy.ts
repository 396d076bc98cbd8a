/**
 * Runs before every page and API route: the security headers that depend on
 * the request (lib/http/content-security-policy.ts). Pages rendered per
 * request get a fresh nonce, handed to Next.js in the request's own
 * Content-Security-Policy header (it adds the nonce to the scripts it emits).
 * Pages served from the cache get the placeholder script-src, which the app's
 * server replaces with the hashes of each page's inline scripts
 * (lib/server/inline-script-hashes.mjs).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isRenderedPerRequest, newNonce, STRICT_TRANSPORT_SECURITY } from './lib/http/content-security-policy';

export function proxy(request: NextRequest) {
  const nonce = isRenderedPerRequest(request.nextUrl.pathname) ? newNonce() : null;
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Pages only: not build assets, and not the API — a proxy in front of a
  // route makes Next.js buffer the request body before the handler runs,
  // and API handlers must authenticate before reading a byte of it
  // (lib/http/read-json-body.ts). JSON answers need no script policy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'],
};
