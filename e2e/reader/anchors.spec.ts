// Links into the reader: `#sentence-N` (N as the reports and ClaimReview number sentences)
// scrolls to the unit and opens its panel, on load and on a hash change; the address follows
// the open sentence, so a reload reopens it; a highlight's `#annotation-{id}` (the W3C
// export's form) opens its sentence; « Copier le lien » puts these addresses on the clipboard.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, SEED_TEXT, sentencesOf } from '../fixtures/newsroom';
import { FIRST_INSTANCE } from '../fixtures/urls';

test('#sentence-N opens its panel; the hash follows the open sentence and a reload reopens it', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { page, context } = await browserAs(browser, room.members.reviewer);
  const path = `/articles/${room.articleId}`;
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });

  await page.goto(`${path}#sentence-2`);
  await expect(panel.getByRole('heading', { name: 'Phrase 2' })).toBeVisible();
  await expect(page.locator('.fd-unit[data-index="1"]')).toBeInViewport();
  await expect(page.locator('.fd-unit[data-index="1"]')).toHaveAttribute('aria-pressed', 'true');

  // Opening another sentence writes its number in the address (no new history entry).
  const historyLength = await page.evaluate(() => history.length);
  await page.locator('.fd-unit[data-index="4"]').click();
  await expect(panel.getByRole('heading', { name: 'Phrase 5' })).toBeVisible();
  await expect(page).toHaveURL(`${FIRST_INSTANCE}${path}#sentence-5`);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  await page.reload();
  await expect(panel.getByRole('heading', { name: 'Phrase 5' })).toBeVisible();

  // A hash changed in the page (a link followed, a hash typed) opens that sentence.
  await page.evaluate(() => {
    window.location.hash = 'sentence-3';
  });
  await expect(panel.getByRole('heading', { name: 'Phrase 3' })).toBeVisible();

  // Closing the panel takes the sentence out of the address.
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('heading', { name: 'Phrase 3' })).toHaveCount(0);
  await expect(page).toHaveURL(`${FIRST_INSTANCE}${path}`);

  // A sentence the text does not have: said, nothing opened.
  await page.goto(`${path}#sentence-999`);
  await expect(page.getByRole('status').filter({ hasText: 'pas de phrase 999' })).toHaveCount(1);
  await expect(panel.getByRole('heading', { name: /^Phrase \d+$/ })).toHaveCount(0);

  await context.close();
  await room.dispose();
});

test('a highlight’s link opens its sentence, and « Copier le lien » copies both kinds of link', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { reviewer } = room.members;
  const phrase = 'isolement profond';
  const start = SEED_TEXT.indexOf(phrase);
  const created = await reviewer.api.post(`/api/v1/articles/${room.articleId}/annotations`, {
    data: {
      selector: [
        { type: 'TextQuoteSelector', exact: phrase },
        { type: 'TextPositionSelector', start, end: start + phrase.length },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const unit = (await sentencesOf(reviewer, room.articleId)).find((s) => s.text.includes(phrase))!;

  const { page, context } = await browserAs(browser, reviewer);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: FIRST_INSTANCE,
  });
  const path = `/articles/${room.articleId}`;
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });

  // The W3C export's form, and the one people type.
  for (const fragment of [`annotation-${id}`, `highlight-${id}`]) {
    await page.goto(`${path}#${fragment}`);
    await expect(panel.getByRole('heading', { name: `Phrase ${unit.index + 1}` })).toBeVisible();
    await expect(page.locator('mark.fd-highlight', { hasText: phrase })).toBeInViewport();
    // The link that opened it stays in the address.
    await expect(page).toHaveURL(`${FIRST_INSTANCE}${path}#${fragment}`);
  }

  // The W3C export names the annotation by the same address.
  const w3c = (await (
    await reviewer.api.get(`/api/v1/articles/${room.articleId}/annotations?format=w3c`)
  ).json()) as { first: { items: { id: string }[] } };
  expect(w3c.first.items.map((item) => new URL(item.id).hash)).toContain(`#annotation-${id}`);

  // « Copier le lien » in the panel's header: this sentence's address.
  await panel
    .getByRole('button', { name: `Copier le lien de la phrase ${unit.index + 1}` })
    .click();
  await expect(panel.getByText('Lien copié')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${FIRST_INSTANCE}${path}#sentence-${unit.index + 1}`,
  );

  // …and on the highlight: its own.
  const item = panel
    .getByRole('list', { name: /^Surlignages/ })
    .getByRole('listitem')
    .filter({ hasText: phrase });
  await item.getByRole('button', { name: /^Copier le lien du surlignage/ }).click();
  await expect(item.getByText('Lien copié')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${FIRST_INSTANCE}${path}#annotation-${id}`,
  );

  await context.close();
  await room.dispose();
});
