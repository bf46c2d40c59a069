// Which address the per-address limits count (issue 11, finding 1): the socket's peer unless
// TRUST_PROXY names it a proxy; X-Forwarded-For is read from the right, never the left entry a
// client writes.
import { describe, expect, it } from 'vitest';
import {
  isTrustedPeer,
  parseTrustProxy,
  resolveClientAddress,
} from '@/lib/security/client-address';

describe('resolveClientAddress', () => {
  const cases: {
    name: string;
    trust: string | undefined;
    socket: string;
    forwardedFor?: string;
    expected: string;
  }[] = [
    {
      name: 'no proxy: the socket',
      trust: undefined,
      socket: '198.51.100.7',
      expected: '198.51.100.7',
    },
    {
      name: 'no proxy: a forged X-Forwarded-For is ignored',
      trust: undefined,
      socket: '198.51.100.7',
      forwardedFor: '203.0.113.1',
      expected: '198.51.100.7',
    },
    {
      name: 'no proxy (0): forged list ignored',
      trust: '0',
      socket: '198.51.100.7',
      forwardedFor: '203.0.113.1, 198.51.100.9',
      expected: '198.51.100.7',
    },
    {
      name: 'IPv4 on a dual-stack socket is one key',
      trust: undefined,
      socket: '::ffff:198.51.100.7',
      expected: '198.51.100.7',
    },
    {
      name: 'one trusted hop: the address the proxy saw (right-most)',
      trust: '1',
      socket: '10.0.0.2',
      forwardedFor: '203.0.113.1, 198.51.100.9',
      expected: '198.51.100.9',
    },
    {
      name: 'one trusted hop without header: the proxy itself',
      trust: '1',
      socket: '10.0.0.2',
      expected: '10.0.0.2',
    },
    {
      name: 'two trusted hops',
      trust: '2',
      socket: '10.0.0.2',
      forwardedFor: '203.0.113.1, 198.51.100.9, 10.0.0.3',
      expected: '198.51.100.9',
    },
    {
      name: 'trusted ranges: skip every trusted hop from the right',
      trust: '10.0.0.0/8, loopback',
      socket: '127.0.0.1',
      forwardedFor: '203.0.113.1, 198.51.100.9, 10.1.2.3',
      expected: '198.51.100.9',
    },
    {
      name: 'trusted ranges: a peer outside them is the client whatever it says',
      trust: '10.0.0.0/8',
      socket: '198.51.100.50',
      forwardedFor: '203.0.113.1',
      expected: '198.51.100.50',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(resolveClientAddress(c.socket, c.forwardedFor, parseTrustProxy(c.trust))).toBe(
        c.expected,
      );
    });
  }

  it('tells whether the peer may set forwarding headers', () => {
    expect(isTrustedPeer('127.0.0.1', parseTrustProxy(undefined))).toBe(false);
    expect(isTrustedPeer('127.0.0.1', parseTrustProxy('loopback'))).toBe(true);
    expect(isTrustedPeer('::ffff:127.0.0.1', parseTrustProxy('loopback'))).toBe(true);
    expect(isTrustedPeer('198.51.100.1', parseTrustProxy('loopback'))).toBe(false);
    expect(isTrustedPeer('198.51.100.1', parseTrustProxy('1'))).toBe(true);
  });

  it('refuses a TRUST_PROXY it cannot read rather than trusting everyone', () => {
    expect(() => parseTrustProxy('yes please')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow();
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
  });
});
