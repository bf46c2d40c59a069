// The URL fetcher against a local HTTP server: every refusal code, charset decoding, redirects,
// and the SSRF guard (literal private hosts refused before any connection; names checked at
// connect time). Needs no database.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGuardedLookup,
  fetchArticleSource,
  FetchRefused,
  isPublicAddress,
  type FetchRefusedCode,
} from '@/lib/server/import/fetch-url';

const PAGE_LATIN1 =
  '<!DOCTYPE html><html lang="fr"><head><title>Été</title></head>' +
  '<body><p>Un été très chaud à Besançon : « ça dépasse l’entendement ».</p></body></html>';

let server: Server;
let base: string;
let requests: string[] = [];
const timers = new Set<NodeJS.Timeout>();

function route(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  requests.push(path);
  switch (path) {
    case '/page':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>Page finale.</p></body></html>');
      return;
    case '/latin1':
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(Buffer.from(PAGE_LATIN1.replace('’', "'"), 'latin1'));
      return;
    case '/meta-charset':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        Buffer.from(
          '<html><head><meta charset="windows-1252"></head><body><p>Déjà vu</p></body></html>',
          'latin1',
        ),
      );
      return;
    case '/unknown-charset':
      res.writeHead(200, { 'content-type': 'text/plain; charset=x-martian' });
      res.end('Bientôt.');
      return;
    case '/markdown':
      res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
      res.end('# Titre\n\nTexte.');
      return;
    case '/xhtml':
      res.writeHead(200, { 'content-type': 'application/xhtml+xml' });
      res.end('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>');
      return;
    case '/image':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/no-type':
      res.writeHead(200);
      res.end('???');
      return;
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>Introuvable</p>');
      return;
    case '/big-streamed': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(16 * 1024)}</p>`;
      for (let i = 0; i < 16; i++) res.write(chunk);
      res.end();
      return;
    }
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 200_000 });
      res.end('y'.repeat(200_000));
      return;
    case '/slow-headers': {
      const timer = setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>Trop tard</p>');
      }, 5000);
      timers.add(timer);
      return;
    }
    case '/slow-body': {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>Début');
      const timer = setTimeout(() => res.end('</p>'), 5000);
      timers.add(timer);
      return;
    }
    case '/loop':
      res.writeHead(302, { location: '/loop' });
      res.end();
      return;
    case '/hop1':
      res.writeHead(301, { location: `${base}/hop2` });
      res.end();
      return;
    case '/hop2':
      res.writeHead(307, { location: 'page' }); // relative: resolved against /hop2
      res.end();
      return;
    case '/to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
      return;
    case '/redirect-no-location':
      res.writeHead(302);
      res.end();
      return;
    default:
      res.writeHead(500);
      res.end();
  }
}

const savedEnv = process.env.IMPORT_ALLOW_PRIVATE_HOSTS;

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
  requests = [];
});

afterEach(() => {
  if (savedEnv === undefined) delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
  else process.env.IMPORT_ALLOW_PRIVATE_HOSTS = savedEnv;
});

/** The FetchRefused a call rejects with, and how long it took. */
async function refusal(promise: Promise<unknown>): Promise<{ error: FetchRefused; ms: number }> {
  const start = performance.now();
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefused);
    return { error: error as FetchRefused, ms: performance.now() - start };
  }
  throw new Error('expected the fetch to be refused');
}

const local = { allowPrivateHosts: true };

describe('fetchArticleSource: private hosts refused by default', () => {
  it('refuses 127.0.0.1 and localhost without sending a request', async () => {
    for (const url of [`${base}/page`, base.replace('127.0.0.1', 'localhost') + '/page']) {
      const { error } = await refusal(fetchArticleSource(url));
      expect(error.code).toBe('forbidden_host');
      expect(error.message).toMatch(/réseau interne/);
    }
    expect(requests).toEqual([]);
  });

  it.each([
    'http://[::1]/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://100.64.0.1/',
    'http://192.168.1.1:8080/admin',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
  ])('refuses the literal host of %s before connecting', async (url) => {
    const { error, ms } = await refusal(fetchArticleSource(url));
    expect(error.code).toBe('forbidden_host');
    expect(ms).toBeLessThan(2000);
  });

  it('lets IMPORT_ALLOW_PRIVATE_HOSTS=1 open them', async () => {
    process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1';
    const fetched = await fetchArticleSource(`${base}/page`);
    expect(fetched.body).toContain('Page finale.');
  });

  it('an explicit allowPrivateHosts: false wins over the environment', async () => {
    process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1';
    const { error } = await refusal(
      fetchArticleSource(`${base}/page`, { allowPrivateHosts: false }),
    );
    expect(error.code).toBe('forbidden_host');
  });
});

describe('fetchArticleSource: invalid URLs', () => {
  it.each([
    'file:///etc/passwd',
    'ftp://example.com/article.txt',
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    'gopher://127.0.0.1:70/',
    'not a url',
    'http://user:secret@example.com/',
  ])('refuses %s with invalid_url', async (url) => {
    const { error } = await refusal(fetchArticleSource(url, local));
    expect(error.code).toBe('invalid_url');
  });
});

describe('fetchArticleSource: with private hosts allowed', () => {
  it('decodes an iso-8859-1 page', async () => {
    const fetched = await fetchArticleSource(`${base}/latin1`, local);
    expect(fetched).toEqual({
      body: PAGE_LATIN1.replace('’', "'"),
      contentType: 'text/html',
      finalUrl: `${base}/latin1`,
    });
    expect(fetched.body).toContain('Un été très chaud à Besançon : « ça dépasse');
  });

  it('falls back to <meta charset> when the header has none', async () => {
    const fetched = await fetchArticleSource(`${base}/meta-charset`, local);
    expect(fetched.body).toContain('<p>Déjà vu</p>');
  });

  it('decodes an unknown charset label as UTF-8', async () => {
    const fetched = await fetchArticleSource(`${base}/unknown-charset`, local);
    expect(fetched).toMatchObject({ body: 'Bientôt.', contentType: 'text/plain' });
  });

  it.each([
    ['/markdown', 'text/markdown'],
    ['/xhtml', 'text/html'],
  ] as const)('maps %s to %s', async (path, contentType) => {
    const fetched = await fetchArticleSource(`${base}${path}`, local);
    expect(fetched.contentType).toBe(contentType);
  });

  it('follows two redirects (absolute, then relative) and reports the last URL', async () => {
    const fetched = await fetchArticleSource(`${base}/hop1`, local);
    expect(fetched.finalUrl).toBe(`${base}/page`);
    expect(fetched.body).toContain('Page finale.');
    expect(requests).toEqual(['/hop1', '/hop2', '/page']);
  });

  it('re-checks the scheme of a redirect target', async () => {
    const { error } = await refusal(fetchArticleSource(`${base}/to-file`, local));
    expect(error.code).toBe('invalid_url');
  });

  const refusals: [string, FetchRefusedCode, RegExp, Parameters<typeof fetchArticleSource>[1]][] = [
    ['/image', 'unsupported_type', /image\/png/, local],
    ['/no-type', 'unsupported_type', /inconnu/, local],
    ['/missing', 'bad_status', /404/, local],
    ['/redirect-no-location', 'bad_status', /302/, local],
    ['/big-streamed', 'too_large', /volumineuse/, { ...local, maxBytes: 50_000 }],
    ['/big-declared', 'too_large', /volumineuse/, { ...local, maxBytes: 50_000 }],
    ['/slow-headers', 'timeout', /à temps/, { ...local, timeoutMs: 300 }],
    ['/slow-body', 'timeout', /à temps/, { ...local, timeoutMs: 300 }],
    ['/loop', 'too_many_redirects', /redirections/, local],
  ];

  it.each(refusals)('refuses %s with %s', async (path, code, message, options) => {
    const { error, ms } = await refusal(fetchArticleSource(`${base}${path}`, options));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(ms).toBeLessThan(3000);
  });

  it('gives up after maxRedirects hops', async () => {
    await refusal(fetchArticleSource(`${base}/loop`, { ...local, maxRedirects: 2 }));
    expect(requests).toEqual(['/loop', '/loop', '/loop']);
  });

  it('reports an unreachable port as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { error } = await refusal(fetchArticleSource(`http://127.0.0.1:${port}/`, local));
    expect(error.code).toBe('network');
  });
});

describe('isPublicAddress', () => {
  // A redirect to a private host is refused because every hop goes through this check (literal
  // IPs) or through the guarded lookup (names): both rest on this table.
  const cases: [string, boolean][] = [
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['151.101.2.132', true],
    ['2a00:1450:4007:80c::200e', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['172.31.255.255', false],
    ['192.168.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['100.127.255.254', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.251', false],
    ['239.255.255.250', false],
    ['192.0.2.1', false],
    ['198.18.0.1', false],
    ['240.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['fc00::1', false],
    ['fd12:3456:789a::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.1.2.3', false],
    ['::ffff:169.254.169.254', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::a00:1', false],
    ['2002:7f00:1::', false],
    ['2001:db8::1', false],
    ['::7f00:1', false],
    ['4000::1', false],
    ['', false],
    ['localhost', false],
    ['999.1.1.1', false],
  ];

  it.each(cases)('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('createGuardedLookup', () => {
  function lookup(allowPrivate: boolean, hostname: string) {
    return new Promise<unknown>((resolve, reject) => {
      createGuardedLookup(allowPrivate)(hostname, { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      );
    });
  }

  it('refuses a name that resolves to a loopback address', async () => {
    await expect(lookup(false, 'localhost')).rejects.toThrow(/non-public address/);
  });

  it('resolves it when private hosts are allowed', async () => {
    await expect(lookup(true, 'localhost')).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    );
  });
});
