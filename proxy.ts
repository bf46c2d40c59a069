// Runs before every page and API request (Next.js 16 "proxy", formerly middleware): a fresh CSP
// nonce for pages (passed to Next.js through the request's own CSP header, which it reads to
// sign its scripts), a request id for every request (the caller's X-Request-Id when valid, else
// a new one: passed on to the route in the request headers, for its log lines, and echoed in
// the response), and HSTS whenever the app is served over https. Authentication is NOT
// decided here: every page and route checks the session itself (lib/server/session.ts).
//
// Paths: Next.js's own trailing-slash redirect is off (next.config.ts skipTrailingSlashRedirect)
// and done here instead, for pages only. URL parsing resolves `.`/`..` segments (`%2e%2e` too)
// before this runs, so `/api/v1/articles/%2e%2e` arrives as `/api/v1/`: an API path ending in
// `/`, or holding a `.`/`..` segment once decoded (`%2e%2e%2f`), is answered with the API's 404
// in its JSON error shape — never a redirect to some other route.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/api/request-id';
import { buildCsp, newNonce } from '@/lib/security/csp';

const HSTS = 'max-age=63072000; includeSubDomains';

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  return (forwarded ?? request.nextUrl.protocol.replace(':', '')) === 'https';
}

/** The path decoded, or null when it does not decode (`%`, `%E0%A4%A`, a lone surrogate…). */
function decoded(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** A path no API route has: a trailing `/` (what `.` and `..` resolve to), or a dot segment. */
function isDotOrSlashPath(pathname: string, path: string): boolean {
  return (
    (pathname.length > 1 && pathname.endsWith('/')) ||
    path.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')
  );
}

function apiError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

export function proxy(request: NextRequest) {
  const https = isHttps(request);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/')) {
    const headers = {
      [REQUEST_ID_HEADER]: requestId,
      ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
    };
    // A path Next.js could not decode (`%`, `%E0%A4%A`, an encoded lone surrogate…) would
    // fail in its router with a bare 500: answered here as the API's own 400.
    const path = decoded(pathname);
    if (path === null) {
      return apiError(400, 'bad_request', 'Adresse mal encodée (encodage % invalide).', headers);
    }
    if (isDotOrSlashPath(pathname, path)) {
      return apiError(404, 'not_found', 'Adresse inconnue de l’API.', headers);
    }
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  }
  // What Next.js's trailing-slash redirect did (it is off for the API's sake: see above).
  if (pathname.length > 1 && pathname.endsWith('/')) {
    // Relative, as Next.js wrote it: the proxy's own URL has the server's host, not the public one.
    // Never `//host` or `/\host` (another origin to a browser).
    const path = pathname.replace(/\/+$/, '').replace(/^[/\\]+/, '/') || '/';
    const location = `${path}${request.nextUrl.search}`;
    return new NextResponse(null, {
      status: 308,
      headers: { Location: location, [REQUEST_ID_HEADER]: requestId },
    });
  }
  // Published fact-checks, the team's index and feeds (app/p/**): static documents without
  // script that set their own, stricter policy (lib/api/public-response.ts).
  if (pathname.startsWith('/p/')) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  }
  const nonce = newNonce();
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV !== 'production', https });
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: [
    // The API always, prefetch headers or not: its paths are checked here (see above).
    { source: '/api/(.*)' },
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
