/**
 * The client's address for rate limiting. Behind a proxy the first
 * X-Forwarded-For entry is the client; set TRUST_PROXY=false when the app is
 * reachable directly, so a client cannot pick its own address.
 */
export function clientAddress(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined)) ?? undefined;
  if (process.env.TRUST_PROXY !== 'false') {
    const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return get('x-real-ip')?.slice(0, 64) ?? 'unknown';
}
