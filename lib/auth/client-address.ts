/**
 * The client's address, for sign-in rate limits. Never a header the client
 * chose: by default the address of the TCP connection (stamped on each request
 * by the app's server, scripts/serve-next.mjs). Behind reverse proxies,
 * NEWSDESK_TRUSTED_PROXY_HOPS says how many there are; each appends the
 * address it saw to X-Forwarded-For, so the client is the entry that many
 * places from the right of [...X-Forwarded-For, socket] — entries further
 * left were written by the client and are ignored.
 *
 * IPv4-mapped IPv6 addresses become IPv4, and IPv6 addresses count per /64
 * (one subscriber's allocation), so rotating through a prefix buys nothing.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { CLIENT_ADDRESS_HEADER, socketAddressIsStamped } from '../server/client-address-header.mjs';

const ZHops = z.coerce
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(10, { error: 'must be at most 10' });

/** NEWSDESK_TRUSTED_PROXY_HOPS, default 0 (no proxy is trusted). */
export function trustedProxyHops(value = process.env.NEWSDESK_TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === '') return 0;
  const parsed = ZHops.safeParse(value.trim());
  if (!parsed.success) throw new Error(`NEWSDESK_TRUSTED_PROXY_HOPS ${parsed.error.issues[0]?.message ?? 'is invalid'}: "${value}"`);
  return parsed.data;
}

/** Expands an IPv6 address to its eight groups (null when it is not one). */
function ipv6Groups(address: string): string[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

/** One address as rate limits count it. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  if (isIP(address) === 0) return address.slice(0, 64) || 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The client in [...forwardedFor, socket] counting `hops` trusted proxies from the right. */
export function pickClientAddress({ socket, forwardedFor, hops }: { socket: string; forwardedFor?: string | null; hops: number }) {
  const chain = [
    ...(hops > 0 && forwardedFor
      ? forwardedFor
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : []),
    socket,
  ];
  // Fewer entries than proxies: the leftmost is as far as anyone vouches for.
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]!);
}

export function clientAddress(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  // Only the app's own server vouches for the socket header (`next dev` and a
  // bare `next start` do not set it, and then nothing a client sends counts).
  const socket = socketAddressIsStamped() ? (get(CLIENT_ADDRESS_HEADER) ?? 'unknown') : 'unknown';
  return pickClientAddress({ socket, forwardedFor: get('x-forwarded-for'), hops: trustedProxyHops() });
}
