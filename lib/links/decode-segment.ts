/**
 * A URL path segment as text, or null when it is not valid percent-encoded
 * UTF-8 (`%`, `%FF`, `%E0%A4%A`) or is longer than any real slug: callers
 * answer 404, never a 500.
 */
export function decodeSegment(segment: string, maxLength = 500): string | null {
  if (segment.length > maxLength * 3) return null;
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.length > maxLength ? null : decoded;
  } catch {
    return null;
  }
}
