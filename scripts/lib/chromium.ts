// Finds a Chromium for Playwright without its own browser download (which fails behind
// closed networks): PLAYWRIGHT_CHROMIUM_EXECUTABLE, /usr/bin/chromium, Debian's package when
// we are root on Debian, and only then `npx playwright install chromium`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findInstalledChromium } from '../../lib/chromium';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of a Chromium executable, or undefined for Playwright's own managed build. */
export function findChromium(log: (line: string) => void): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${configured} does not exist`);
    return configured;
  }
  const installed = findInstalledChromium();
  if (installed) return installed;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    log('installing Debian’s chromium package for the end-to-end tests…');
    if (
      tryRun('apt-get', ['update', '-qq']) &&
      tryRun('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']) &&
      existsSync(DEBIAN_CHROMIUM)
    ) {
      return DEBIAN_CHROMIUM;
    }
  }
  if (existsSync(chromium.executablePath())) return undefined;
  log('downloading Playwright’s Chromium…');
  if (!tryRun(process.execPath, [require.resolve('@playwright/test/cli'), 'install', 'chromium'])) {
    throw new Error('No Chromium found: set PLAYWRIGHT_CHROMIUM_EXECUTABLE or install chromium.');
  }
  return undefined;
}

export { CHROMIUM_ARGS } from '../../lib/chromium';
