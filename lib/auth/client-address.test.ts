import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, markSocketAddressStamped } from '../server/client-address-header.mjs';
import { clientAddress, normaliseAddress, pickClientAddress, trustedProxyHops } from './client-address';

describe('pickClientAddress', () => {
  it('uses the socket and ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(pickClientAddress({ socket: '203.0.113.7', forwardedFor: '1.2.3.4', hops: 0 })).toBe('203.0.113.7');
  });

  it('counts trusted hops from the right, so entries a client prepends change nothing', () => {
    // client 198.51.100.5 → proxy 10.0.0.2 (socket); the proxy appended what it saw.
    expect(pickClientAddress({ socket: '10.0.0.2', forwardedFor: '198.51.100.5', hops: 1 })).toBe('198.51.100.5');
    expect(pickClientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 7.7.7.7, 198.51.100.5', hops: 1 })).toBe('198.51.100.5');
    // two proxies: CDN then load balancer
    expect(pickClientAddress({ socket: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.5, 172.16.0.9', hops: 2 })).toBe('198.51.100.5');
    // fewer entries than hops: the leftmost one
    expect(pickClientAddress({ socket: '10.0.0.2', forwardedFor: null, hops: 2 })).toBe('10.0.0.2');
  });

  it('normalises mapped IPv4 and groups IPv6 per /64', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(normaliseAddress('192.0.2.1:5555')).toBe('192.0.2.1');
    expect(normaliseAddress('x'.repeat(500))).toHaveLength(64);
  });
});

describe('trustedProxyHops', () => {
  it('defaults to 0 and refuses nonsense with the variable named', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('2')).toBe(2);
    expect(() => trustedProxyHops('-1')).toThrow(/NEWSDESK_TRUSTED_PROXY_HOPS must be 0 or more/);
    expect(() => trustedProxyHops('one')).toThrow(/NEWSDESK_TRUSTED_PROXY_HOPS/);
  });
});

describe('clientAddress', () => {
  it('believes the socket header only when this process stamped it', () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' });
    expect(clientAddress(headers)).toBe('unknown');
    markSocketAddressStamped();
    expect(clientAddress(headers)).toBe('203.0.113.9');
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: '::ffff:10.1.2.3', 'x-forwarded-for': '1.1.1.1' })).toBe('10.1.2.3');
  });
});
