// FactDesk's web server: Next.js's production server behind a plain node:http server (a Next.js
// "custom server"), so the socket's address is known for every request. `next start` keeps a
// client's own X-Forwarded-For (it only fills the header when absent), so per-address limits
// keyed on it could be dodged by sending one; here the client's address is resolved from the
// socket and TRUST_PROXY (lib/security/client-address.ts), passed to the app in
// CLIENT_ADDRESS_HEADER, and forwarding headers from untrusted peers are dropped.
//
// Usage: node --import tsx scripts/serve.ts [port]   (PORT, HOSTNAME, TRUST_PROXY from the env)
// SIGTERM/SIGINT: stops accepting, lets in-flight requests finish (SHUTDOWN_GRACE_MS, 8 s), exits.
import { createServer } from 'node:http';
import next from 'next';
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDING_HEADERS,
  isTrustedPeer,
  parseTrustProxy,
  resolveClientAddress,
} from '../lib/security/client-address';
import { ROOT } from './lib/schema-engine';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 8000);

async function main(): Promise<void> {
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  const app = next({ dev: false, dir: ROOT, port, hostname: hostname ?? 'localhost' });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    const peer = request.socket.remoteAddress;
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      peer,
      request.headers['x-forwarded-for'],
      trust,
    );
    if (!isTrustedPeer(peer, trust)) {
      for (const name of FORWARDING_HEADERS) delete request.headers[name];
    }
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(`[factdesk] web server listening on ${hostname ?? '*'}:${port}`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Event streams never end by themselves: after the grace period every connection is cut.
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, graceMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
