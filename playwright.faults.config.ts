// Fault tests: each test starts its own PostgreSQL and production `next start` (the build the
// main end-to-end run made), then breaks them — SIGKILL mid-burst, the database stopped — and
// checks that nothing acknowledged was lost and nothing half-written remains. Run by npm test
// after the main end-to-end suite, one test at a time.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './lib/chromium';

export default defineConfig({
  testDir: 'e2e/faults',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { locale: 'fr-FR', trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
