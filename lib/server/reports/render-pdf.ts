// The PDF report: the printable HTML report rendered by headless Chromium (playwright-core).
// The page is loaded from a string with JavaScript disabled and every network request refused,
// so nothing in an article can make the server fetch or run anything.
import 'server-only';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findInstalledChromium } from '@/lib/chromium';
import { AppError } from '@/lib/server/errors';

export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = findInstalledChromium(chromium.executablePath());
  if (!executablePath) {
    throw new AppError(
      'unavailable',
      'Export PDF indisponible : aucun navigateur Chromium sur ce serveur (installez le paquet chromium ou définissez PLAYWRIGHT_CHROMIUM_EXECUTABLE).',
    );
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}
