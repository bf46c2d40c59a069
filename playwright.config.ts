// End-to-end tests in a real Chromium against production builds on a throwaway database
// (scripts/test.ts provides E2E_DATABASE_URL, E2E_PORT and NEXTAUTH_SECRET). Two app instances
// serve the same database — `npm start`'s own script on E2E_PORT, and a plain `next start` on
// the next port — so live collaboration is tested across processes, as in production.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/lib/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
const secondPort = port + 1;
const baseURL = `http://localhost:${port}`;
const SECOND_BASE_URL = `http://localhost:${secondPort}`;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined,
    args: CHROMIUM_ARGS,
  },
};
const ALONE = ['api/event-loop.spec.ts'];

const sharedEnv = {
  ...(process.env as Record<string, string>),
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
  ...(process.env.E2E_DATA_DIR ? { FACTDESK_DATA_DIR: process.env.E2E_DATA_DIR } : {}),
  NEXT_TELEMETRY_DISABLED: '1',
  // Every JSON answer is parsed with its declared schema (lib/api/respond.ts): a drift is a 500.
  FACTDESK_CHECK_RESPONSES: '1',
  // Every test signs up its own accounts from this one address. The per-address limits of
  // failures are kept low so e2e/security/limits-and-headers.spec.ts reaches them (on
  // addresses of its own: loopback source addresses on the first instance, which trusts no
  // proxy; X-Forwarded-For on the second, which trusts loopback proxies).
  RATE_LIMIT_SIGNUP_ADDRESS: '100000',
  RATE_LIMIT_SIGNIN_ADDRESS: '8',
  RATE_LIMIT_BAD_TOKEN: '8',
};

export default defineConfig({
  testDir: 'e2e',
  // Fault tests start and break their own servers: playwright.faults.config.ts.
  testIgnore: ['faults/**'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['faults/**', ...ALONE],
      use: chromium,
    },
    {
      // Measures of how long requests wait, taken once every other test is over: a fuzzing
      // worker hammering the same server meanwhile would be measured too.
      name: 'alone',
      testMatch: ALONE,
      dependencies: ['chromium'],
      fullyParallel: false,
      use: chromium,
    },
  ],
  webServer: [
    {
      // Migrates, seeds the demo data, builds if needed, serves.
      command: 'node --import tsx scripts/start.ts',
      url: `${baseURL}/sign-in`,
      timeout: 240_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...sharedEnv, PORT: String(port), NEXTAUTH_URL: baseURL, SEED_DEMO: '1' },
    },
    {
      // A second instance on the same database and build (started once the build exists).
      command: `node --import tsx scripts/e2e-second-instance.ts ${secondPort}`,
      url: `${SECOND_BASE_URL}/sign-in`,
      timeout: 240_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'ignore',
      stderr: 'pipe',
      // Behind a (pretend) reverse proxy on this machine: X-Forwarded-For from loopback peers
      // counts, so tests there reach per-address limits with addresses of their own.
      env: {
        ...sharedEnv,
        NEXTAUTH_URL: SECOND_BASE_URL,
        NODE_ENV: 'production',
        TRUST_PROXY: 'loopback',
      },
    },
  ],
});
