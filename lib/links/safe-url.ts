/**
 * The last gate before a record's URL becomes a link or an image: only
 * absolute http(s) URLs pass (imports already refuse the rest; this holds
 * even for rows written some other way).
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
