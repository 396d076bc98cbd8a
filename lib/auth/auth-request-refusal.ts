/**
 * next-auth answers some hostile requests with a 500 (a `callbackUrl` it
 * cannot parse, an `error` or provider name it copies into a Location header
 * that cannot hold it). Those are refused with a 400 before next-auth sees
 * them; anything let through still meets the redirect callback, which
 * follows only same-origin paths (lib/links/safe-callback-path.ts).
 */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

function acceptableCallback(value: string, base: string): boolean {
  if (value.length > 2000 || !PRINTABLE_ASCII.test(value)) return false;
  try {
    const url = value.startsWith('/') ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** Why the request is refused, or null. `cookie` reads a request cookie's value. */
export function authRequestRefusal(url: URL, cookie: (name: string) => string | undefined): string | null {
  const [action = '', provider = '', ...rest] = url.pathname.replace(/^\/api\/auth\/?/, '').split('/');
  if (rest.length > 0 || ![action, provider].every((part) => /^[A-Za-z0-9_-]{0,64}$/.test(part))) return 'unknown auth route';
  const callbackUrl = url.searchParams.get('callbackUrl');
  if (callbackUrl !== null && !acceptableCallback(callbackUrl, url.origin)) return 'callbackUrl must be a URL on this site';
  const error = url.searchParams.get('error');
  if (error !== null && !/^[A-Za-z0-9]{0,64}$/.test(error)) return 'error must be a short code';
  for (const name of CALLBACK_URL_COOKIES) {
    const value = cookie(name);
    if (value !== undefined && !acceptableCallback(value, url.origin)) return 'the callback-url cookie must be a URL on this site';
  }
  return null;
}
