/**
 * The Content-Security-Policy of every page (set by proxy.ts).
 *
 * Pages rendered per request (the desk, sign-in, search, today's digest)
 * get a strict policy: a script runs only if it carries this response's nonce
 * (Next.js adds it to its own scripts) or is the theme script, allowed by its
 * hash; `'strict-dynamic'` lets those load their chunks. Pages prerendered
 * once and served to everyone (the river, stories, topics, sources) cannot
 * carry a per-request nonce: they get the placeholder script-src
 * `'self' 'unsafe-inline'`, which the app's server (scripts/serve-next.mjs,
 * lib/server/inline-script-hashes.mjs) replaces with the hashes of the inline
 * scripts in the very page it sends — `'self' 'sha256-…'…`. (A bare
 * `next start` would send the placeholder as it is.)
 *
 * Both forbid plugins, other origins' scripts, being framed
 * (`frame-ancestors 'none'`), `<base>` rewriting and posting forms elsewhere.
 */
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from '../../components/site/theme-script-source';

export const THEME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`;

/** Paths rendered per request: these get the nonce policy. */
const PER_REQUEST_PAGES = [
  /^\/desk(\/|$)/,
  /^\/signin\/?$/,
  /^\/account\/?$/,
  /^\/search\/?$/,
  /^\/digest\/?$/,
  /^\/digest\/[^/]+\/email\/?$/,
];

export function isRenderedPerRequest(pathname: string): boolean {
  return PER_REQUEST_PAGES.some((pattern) => pattern.test(pathname));
}

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * The script-src of pages without a nonce until the server hashes their
 * inline scripts; lib/server/inline-script-hashes.mjs recognises it
 * (PLACEHOLDER_SCRIPT_SOURCES there, the same text).
 */
export const PLACEHOLDER_SCRIPT_SOURCES = "'self' 'unsafe-inline'";

export function contentSecurityPolicy({ nonce, development = false }: { nonce: string | null; development?: boolean }): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, THEME_SCRIPT_HASH, "'strict-dynamic'"] : [PLACEHOLDER_SCRIPT_SOURCES];
  if (development) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    // Story images come from the publishers' own sites.
    "img-src 'self' https: data:",
    "font-src 'self'",
    // A story's featured video plays in YouTube's privacy-enhanced embed (lib/reader/featured-video.ts).
    'frame-src https://www.youtube-nocookie.com',
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HSTS for a year, only on responses that went out over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
