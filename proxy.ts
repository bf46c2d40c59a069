// Runs before every page and API request (Next.js 16 "proxy", formerly middleware): a fresh CSP
// nonce for pages (passed to Next.js through the request's own CSP header, which it reads to
// sign its scripts), a request id for every request (the caller's X-Request-Id when valid, else
// a new one: passed on to the route in the request headers, for its log lines, and echoed in
// the response), and HSTS whenever the app is served over https. Authentication is NOT
// decided here: every page and route checks the session itself (lib/server/session.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/api/request-id';
import { buildCsp, newNonce } from '@/lib/security/csp';

const HSTS = 'max-age=63072000; includeSubDomains';

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  return (forwarded ?? request.nextUrl.protocol.replace(':', '')) === 'https';
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const https = isHttps(request);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  if (request.nextUrl.pathname.startsWith('/api/')) {
    // A path Next.js could not decode (`%`, `%E0%A4%A`, an encoded lone surrogate…) would
    // fail in its router with a bare 500: answered here as the API's own 400.
    if (!decodable(request.nextUrl.pathname)) {
      return NextResponse.json(
        { error: { code: 'bad_request', message: 'Adresse mal encodée (encodage % invalide).' } },
        {
          status: 400,
          headers: {
            [REQUEST_ID_HEADER]: requestId,
            ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
          },
        },
      );
    }
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
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
