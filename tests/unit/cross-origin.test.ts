// CSRF guards of every API write (issue 11, finding 4): JSON bodies only (415 otherwise), and a
// cookie-carried write must come from the app's own origin (403), decided like Go's
// CrossOriginProtection. Bearer calls are exempt from the origin rule.
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { requireJsonBody, requireSameOrigin } from '@/lib/security/cross-origin';

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('requireJsonBody', () => {
  const cases: [Record<string, string>, string | null][] = [
    [{ 'content-type': 'application/json', 'content-length': '2' }, null],
    [{ 'content-type': 'application/json; charset=utf-8', 'content-length': '2' }, null],
    [{ 'content-type': 'application/ld+json', 'content-length': '2' }, null],
    [{}, null], // a bodiless action (submit, approve)
    [{ 'content-length': '0' }, null],
    [{ 'content-type': 'text/plain', 'content-length': '20' }, 'unsupported_media_type'],
    [{ 'content-type': 'text/plain;charset=UTF-8' }, 'unsupported_media_type'],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 'unsupported_media_type'],
    [{ 'content-type': 'multipart/form-data; boundary=x' }, 'unsupported_media_type'],
    [{ 'content-type': 'application/jsonp' }, 'unsupported_media_type'],
    [{ 'content-length': '12' }, 'unsupported_media_type'], // a body of no declared type
  ];
  for (const [headers, expected] of cases) {
    it(`${JSON.stringify(headers)} → ${expected ?? 'accepted'}`, () => {
      expect(codeOf(() => requireJsonBody(new Headers(headers)))).toBe(expected);
    });
  }
});

describe('requireSameOrigin', () => {
  const host = 'localhost:3000';
  const cases: [string, Record<string, string>, string | null][] = [
    [
      'same-origin fetch',
      { host, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' },
      null,
    ],
    ['typed by the user', { host, 'sec-fetch-site': 'none' }, null],
    ['not a browser (curl, scripts)', { host }, null],
    ['older browser, same origin', { host, origin: 'http://localhost:3000' }, null],
    [
      'another port of the same host (same site)',
      { host, 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000' },
      'cross_origin_request',
    ],
    [
      'a sibling subdomain',
      {
        host: 'desk.example.org',
        'sec-fetch-site': 'same-site',
        origin: 'https://blog.example.org',
      },
      'cross_origin_request',
    ],
    [
      'another site',
      { host, 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' },
      'cross_origin_request',
    ],
    [
      'older browser, another origin',
      { host, origin: 'http://localhost:4000' },
      'cross_origin_request',
    ],
    ['an opaque origin', { host, origin: 'null' }, 'cross_origin_request'],
    [
      'a bearer token call is exempt',
      {
        host,
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.test',
        authorization: 'Bearer x',
      },
      null,
    ],
  ];
  for (const [name, headers, expected] of cases) {
    it(`${name} → ${expected ?? 'accepted'}`, () => {
      expect(codeOf(() => requireSameOrigin(new Headers(headers)))).toBe(expected);
    });
  }
});
