/**
 * Where to go after signing in: only a path on this site. The value is
 * resolved the way a browser would (backslashes, tabs and newlines,
 * percent-encodings and all) against a placeholder origin, and kept only if it
 * stays there; what comes back is the normalised path, so the browser cannot
 * read it differently afterwards.
 */
const PLACEHOLDER = 'http://newsdesk.invalid';

export function safeCallbackPath(value: unknown, fallback = '/desk'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  // Only a path: no scheme, no authority. Browsers treat "\" as "/" and drop tabs and newlines.
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // "/%2F/evil", "/%09/evil" and "/%5Cevil" become network paths once some layer decodes them.
  if (/^[/\\][/\\\s]/.test(decoded) || /[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  try {
    const url = new URL(value, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('//') ? fallback : path;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: absolute URLs only on our own origin, paths as above. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith('/')) return `${baseUrl}${safeCallbackPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin)
      return `${baseUrl}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // not a URL: fall through
  }
  return `${baseUrl}/desk`;
}
