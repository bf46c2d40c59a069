// The PDF report: the printable HTML report rendered by headless Chromium (playwright-core), in
// a worker process only (lib/server/reports/pdf-report.ts). The page is loaded from a string with
// JavaScript disabled and every network request refused, so nothing in an article can make the
// server fetch or run anything.
// One Chromium per process, started on first use and closed after a minute without renders; a
// render that hangs past PDF_RENDER_TIMEOUT_MS (default 60 s) ends that Chromium (the job is then
// retried), and a Chromium that crashed is noticed (disconnected) and started afresh next time.
import 'server-only';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findInstalledChromium } from '@/lib/chromium';
import { AppError } from '@/lib/server/errors';
import { wholeNumber } from '@/lib/server/settings';

const IDLE_CLOSE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let active = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function renderTimeoutMs(): number {
  return wholeNumber('PDF_RENDER_TIMEOUT_MS', 60_000);
}

function launch(): Promise<Browser> {
  const executablePath = findInstalledChromium(chromium.executablePath());
  if (!executablePath) {
    throw new AppError('unavailable', 'pdfUnavailable');
  }
  const started = chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const current = started.then((instance) => {
    instance.on('disconnected', () => {
      if (browser === current) browser = null;
    });
    return instance;
  });
  current.catch(() => {
    if (browser === current) browser = null;
  });
  return current;
}

async function closeBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close().catch(() => {});
}

/** Chromium processes this module has running (0 or 1), for tests and health. */
export function hasBrowser(): boolean {
  return browser !== null;
}

export async function renderPdf(
  html: string,
  options: { timeoutMs?: number } = {},
): Promise<Buffer> {
  clearTimeout(idleTimer);
  active += 1;
  browser ??= launch();
  const instance = await browser;
  const context = await instance.newContext({ javaScriptEnabled: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await context.route('**/*', (route) => route.abort());
    const render = (async () => {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    })();
    const timeoutMs = options.timeoutMs ?? renderTimeoutMs();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`PDF render did not finish within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([render, timeout]);
    } catch (error) {
      render.catch(() => {});
      // Hung or crashed: this Chromium is ended; the next render starts a fresh one.
      await closeBrowser();
      throw error;
    }
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
    active -= 1;
    if (active === 0) idleTimer = setTimeout(() => void closeBrowser(), IDLE_CLOSE_MS);
    idleTimer?.unref?.();
  }
}

/** Ends this process's Chromium (graceful worker shutdown). */
export async function closePdfRenderer(): Promise<void> {
  clearTimeout(idleTimer);
  await closeBrowser();
}
