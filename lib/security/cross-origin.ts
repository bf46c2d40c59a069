// Cross-site request forgery, refused on every write of the API before anything runs:
//  1. a write's body must be JSON (`application/json` or `application/<x>+json`): an HTML form
//     (text/plain, urlencoded, multipart) — the one kind of cross-origin write a browser sends
//     without asking the server first — is answered 415;
//  2. a write carried by the session cookie must come from the app's own origin, decided as Go's
//     net/http CrossOriginProtection does: `Sec-Fetch-Site` when the browser sends it
//     (same-origin or none pass), else `Origin` compared with the request's host; a request
//     with neither comes from no browser and passes. SameSite=Lax is not enough on its own: a
//     page on another port or a sibling subdomain is the *same site* and gets the cookie.
// Calls with `Authorization: Bearer` are exempt from 2 (no browser adds that header by itself,
// and a bearer request never falls back to the cookie: lib/server/session.ts).
import { AppError } from '@/lib/server/errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.has('transfer-encoding');
}

/** 415 unless a write's body (when it has one, or declares a type) is JSON. */
export function requireJsonBody(headers: Headers): void {
  const type = headers.get('content-type');
  if (type === null ? !hasBody(headers) : JSON_TYPE.test(type)) return;
  throw new AppError('unsupported_media_type', 'jsonRequired');
}

/** Origins that may write besides the request's own (NEXTAUTH_URL, APP_ORIGINS). */
function configuredHosts(): string[] {
  return [process.env.NEXTAUTH_URL, ...(process.env.APP_ORIGINS ?? '').split(',')]
    .map((value) => value?.trim())
    .filter((value): value is string => Boolean(value))
    .flatMap((value) => {
      try {
        return [new URL(value).host];
      } catch {
        return [];
      }
    });
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** 403 for a cookie-authenticated write that a page of another origin made the browser send. */
export function requireSameOrigin(headers: Headers): void {
  if (headers.has('authorization')) return;
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site === 'same-origin' || site === 'none') return;
  if (site === null && origin === null) return;
  const host = originHost(origin ?? '');
  const own = headers.get('x-forwarded-host') ?? headers.get('host');
  if (host !== null && (host === own || configuredHosts().includes(host))) return;
  throw new AppError('cross_origin_request', 'crossOrigin');
}
