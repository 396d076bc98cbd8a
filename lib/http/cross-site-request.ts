/**
 * Cross-site request forgery, for requests a browser authenticates with the
 * session cookie: a state-changing request is refused when the browser says
 * it came from another site — `Sec-Fetch-Site` other than `same-origin` (or
 * `none`, typed by the user), or an `Origin` whose host is not the one the
 * request was sent to. Server actions get the same check from Next.js.
 * Requests carrying neither header do not come from a browser page (browsers
 * send `Origin` on every cross-origin and every non-GET fetch), and calls
 * with an API token are not cookie-authenticated, so neither needs it.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.headers.get('authorization') !== null) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return true;
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host)
    .split(',')[0]!
    .trim()
    .toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}
