// proxy.ts on the paths URL parsing rewrites before it runs: `/api/v1/articles/%2e%2e` reaches it
// as `/api/v1/`, and Next.js's own trailing-slash redirect (which would answer a 308 before the
// proxy is even called) is off — so an API path ending in `/` or holding a dot segment gets the
// API's JSON 404, and pages keep their 308 to the path without the slash.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { proxy } from '@/proxy';

const BASE = 'http://localhost:3000';
const call = (path: string) => proxy(new NextRequest(`${BASE}${path}`));

async function expectApiError(path: string, status: number, code: string) {
  const response = call(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('location'), path).toBeNull();
  expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code, path).toBe(code);
  expect(body.error.message.length, path).toBeGreaterThan(0);
  expect(response.headers.get('x-request-id'), path).toBeTruthy();
}

describe('API paths with dot segments or a trailing slash', () => {
  it('leaves Next.js’s trailing-slash redirect to the proxy', () => {
    expect(nextConfig.skipTrailingSlashRedirect).toBe(true);
  });

  it.each([
    '/api/v1/articles/%2e%2e',
    '/api/v1/articles/%2E%2E',
    '/api/v1/articles/%2e',
    '/api/v1/articles/..',
    '/api/v1/articles/.',
    '/api/v1/articles/.%2e',
    '/api/v1/articles/x/%2e%2e/',
    '/api/v1/articles/',
    '/api/v1/',
    '/api/',
    '/api/v1/articles/%2e%2e%2fteams',
    '/api/v1/articles/x%2f..%2fy',
    '/api/v1/articles/..%5c..%5cwindows',
  ])('answers %s with the API’s 404, not a redirect', async (path) => {
    await expectApiError(path, 404, 'not_found');
  });

  it.each(['/api/v1/articles/%', '/api/v1/articles/%E0%A4%A', '/api/v1/articles/%ED%A0%80'])(
    'still answers an undecodable %s with a 400',
    async (path) => {
      await expectApiError(path, 400, 'bad_request');
    },
  );

  it.each([
    '/api/v1/articles',
    '/api/v1/articles/0b6f1c52-3b0e-4a5e-9a51-6a2f0e1d2c3b',
    '/api/v1/search?q=..',
    '/api/v1/articles/..x',
    '/api/v1/articles/%2e%2ex',
  ])('passes %s on to the route', (path) => {
    const response = call(path);
    expect(response.headers.get('x-middleware-next'), path).toBe('1');
  });
});

describe('page paths', () => {
  it.each([
    ['/teams/', '/teams'],
    ['/teams//', '/teams'],
    ['/search/?q=loi', '/search?q=loi'],
    ['/articles/x/%2e%2e/', '/articles'],
  ])('redirects %s to %s (308), relative', (path, location) => {
    const response = call(path);
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(location);
  });

  it('passes other pages on, with their CSP', () => {
    const response = call('/teams');
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('content-security-policy')).toContain('nonce-');
  });
});
