/**
 * The public origin used in canonical URLs, feeds and sitemaps. Cached pages
 * are shared by every reader, so it comes from configuration, never from a
 * request's Host header.
 */
export function siteUrl(): string {
  const configured = process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  return configured.replace(/\/+$/, '');
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

export const SITE_NAME = 'Newsdesk';
export const SITE_DESCRIPTION = 'The stories that matter, each with the coverage other outlets gave it.';
