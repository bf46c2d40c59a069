// The reader on a phone (390×844, touch): tapping a sentence opens its panel as a bottom sheet
// over the text without scrolling the page; a touch selection (read on selectionchange, since
// it ends with no mouseup) shows the toolbar below it; nothing overflows sideways.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { browserAs, createNewsroom, type Member } from '../fixtures/newsroom';
import { selectLikeTouch } from '../fixtures/selection';
import { FIRST_INSTANCE } from '../fixtures/urls';

const PHONE = { width: 390, height: 844 };

/** A signed-in phone: the session of browserAs, in a touch context of a phone's size. */
async function phoneAs(browser: Browser, member: Member) {
  const signedIn = await browserAs(browser, member);
  const storageState = await signedIn.context.storageState();
  await signedIn.context.close();
  const context = await browser.newContext({
    baseURL: FIRST_INSTANCE,
    locale: 'fr-FR',
    storageState,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 3,
  });
  return { context, page: await context.newPage() };
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('tapping a sentence opens a bottom sheet over the text, without scrolling the page', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { page, context } = await phoneAs(browser, room.members.reviewer);
  await page.goto(`/articles/${room.articleId}`);
  const unit = page.locator('.fd-unit[data-index="4"]');
  await unit.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 50)); // somewhere in the middle of the text
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await unit.tap();
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(panel.getByRole('heading', { name: 'Phrase 5' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(before);

  // A sheet: fixed at the bottom of the screen, at most about 70 % of its height, scrolling
  // inside itself, its close button on screen.
  const sheet = await panel.evaluate((element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      position: style.position,
      overflowY: style.overflowY,
      top: box.top,
      bottom: box.bottom,
    };
  });
  expect(sheet.position).toBe('fixed');
  expect(sheet.overflowY).toBe('auto');
  expect(Math.round(sheet.bottom)).toBe(PHONE.height);
  expect(sheet.top).toBeGreaterThanOrEqual(PHONE.height * 0.3 - 1);
  const close = panel.getByRole('button', { name: 'Fermer le panneau (Échap)' });
  await expect(close).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Scrolling the sheet leaves the page where it was.
  await panel.evaluate((element) => element.scrollBy(0, 400));
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(close).toBeInViewport();

  await close.tap();
  await expect(panel.getByRole('heading', { name: 'Phrase 5' })).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);

  await context.close();
  await room.dispose();
});

test('a touch selection shows the toolbar below it, and highlights', async ({ browser }) => {
  const room = await createNewsroom();
  const { page, context } = await phoneAs(browser, room.members.reviewer);
  await page.goto(`/articles/${room.articleId}`);
  const phrase = 'isolement profond';

  // What a long press and the handles leave (no mouseup).
  const selected = await selectLikeTouch(page, phrase);

  const toolbar = page.getByRole('toolbar', { name: 'Sélection' });
  await expect(toolbar).toBeVisible();
  await expect(toolbar).toBeInViewport({ ratio: 1 });
  const box = (await toolbar.boundingBox())!;
  // Below the selection, where the system's own selection menu (above it) is not.
  expect(box.y).toBeGreaterThanOrEqual(selected.bottom);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  await toolbar.getByRole('button', { name: 'Surligner' }).tap();
  const mark = page.locator('mark.fd-highlight', { hasText: phrase });
  await expect(mark).toHaveText(phrase);
  await expect(mark).toHaveAttribute('data-pending', 'false');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await context.close();
  await room.dispose();
});
