/** `/sources/thehill.com`: a source's page; its feeds live under the same path. */
export function sourcePath(domain: string): string {
  return `/sources/${encodeURIComponent(domain)}`;
}
