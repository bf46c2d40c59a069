// Where a Chromium for headless work (the PDF report, the end-to-end tests) is found on this
// machine, and the flags it runs with. Playwright's own browser download is never required:
// PLAYWRIGHT_CHROMIUM_EXECUTABLE, then the Debian/Ubuntu packages, then Playwright's cache.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** An installed Chromium, or null (the caller decides whether to install or give up). */
export function findInstalledChromium(playwrightManaged?: string): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) return existsSync(configured) ? configured : null;
  for (const candidate of SYSTEM_CHROMIUM_PATHS) if (existsSync(candidate)) return candidate;
  if (playwrightManaged && existsSync(playwrightManaged)) return playwrightManaged;
  return null;
}
