import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { IMPORT_MAX_BODY_BYTES } from './lib/validations/limits';

// next-intl reads the language, messages and time zone of each request from this module.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Security headers on every response. The Content-Security-Policy (with a per-request script
// nonce) and HSTS (over https) are set by proxy.ts, which runs per request.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next.js would redirect any path ending in `/` (308) before proxy.ts runs — including
  // `/api/v1/articles/%2e%2e`, which URL parsing turns into `/api/v1/`. proxy.ts does that
  // redirect for pages and answers the API's JSON 404 for such API paths instead.
  skipTrailingSlashRedirect: true,
  experimental: {
    // proxy.ts runs on every request, so Next.js buffers each body for it — up to 10 MB by
    // default, silently truncating the rest. The import routes take up to IMPORT_MAX_BODY_BYTES
    // (readJson answers 413 above it): buffer one byte more, so a body at the limit arrives whole.
    proxyClientMaxBodySize: IMPORT_MAX_BODY_BYTES + 1,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
