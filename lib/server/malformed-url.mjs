// @ts-check
/**
 * Requests whose URL no route could mean, answered 400 by the app's server
 * (scripts/serve-next.mjs) before Next.js sees them: a path segment that is
 * not valid percent-encoded UTF-8 (`/topics/%`, `/articles/%FF`) — Next.js
 * would fail decoding it with a 500 — or a path or query holding a control
 * character (`%00` is refused by PostgreSQL text columns, and no real slug,
 * id or search has one).
 *
 * @param {string} rawUrl the request target as received (`/path?query`)
 * @returns {string | null} why it is refused, or null
 */
export function malformedUrlReason(rawUrl) {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  for (const segment of path.split('/')) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'the path is not valid percent-encoded UTF-8';
    }
    if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'the path holds a control character';
  }
  if (queryAt !== -1) {
    for (const [name, value] of new URLSearchParams(rawUrl.slice(queryAt + 1))) {
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(name + value)) return 'the query holds a control character';
    }
  }
  return null;
}
