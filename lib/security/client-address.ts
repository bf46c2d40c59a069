// Which address a request comes from — what the per-address limits count. The socket's peer,
// unless TRUST_PROXY says that peer is a proxy of ours: only then is X-Forwarded-For read, from
// the right (nearest hop first), and the first hop that is not a trusted proxy is the client
// (the `proxy-addr` rules Express uses). A client writes whatever it likes into the left of
// X-Forwarded-For, so an untrusted peer's forwarding headers are dropped altogether.
//
// scripts/serve.ts (the web server of `npm start`) resolves the address once per request, from
// the socket, and hands it to the app in CLIENT_ADDRESS_HEADER (overwriting any copy a client
// sent); the app never reads X-Forwarded-For itself.
import proxyAddr from 'proxy-addr';

/** Set by scripts/serve.ts on every request; a value sent by a client is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-factdesk-client-address';

/** Forwarding headers an untrusted peer may not set (Next.js fills them from the socket). */
export const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
] as const;

/** (address, hop index from the socket: 0 = the peer itself) → is it one of our proxies? */
export type TrustProxy = (address: string, hop: number) => boolean;

const KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset, `0` or `false` → no proxy (the socket's address); a whole number N → the
 * N nearest hops are proxies (e.g. `1` behind one reverse proxy); otherwise a comma-separated
 * list of addresses, CIDR ranges and the keywords `loopback`, `linklocal`, `uniquelocal`
 * (e.g. `10.0.0.0/8, loopback`) → hops inside those ranges are proxies.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === '0' || setting.toLowerCase() === 'false') return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!KEYWORDS.has(entry) && !/^[0-9a-f:.]+(\/\d+)?$/i.test(entry)) {
      throw new Error(
        `TRUST_PROXY: « ${entry} » is neither a number of hops, an address, a CIDR range nor one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  // proxy-addr validates each address and range and throws on a malformed one.
  return proxyAddr.compile(entries);
}

/** `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) → `1.2.3.4`, so one client has one key. */
function canonical(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/**
 * The client's address: the socket's peer, or — when the peer is a trusted proxy — the nearest
 * X-Forwarded-For hop that is not one.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const peer = socketAddress ?? '';
  if (!peer) return 'unknown';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  const request = {
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
    headers: header ? { 'x-forwarded-for': header } : {},
  };
  // proxy-addr's types want an IncomingMessage; it only reads these three fields.
  return canonical(proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust));
}

/** True when the socket's peer itself is one of our proxies (its forwarding headers count). */
export function isTrustedPeer(socketAddress: string | undefined, trust: TrustProxy): boolean {
  return Boolean(socketAddress) && trust(socketAddress!, 0);
}
