// Highlighting from the keyboard alone: Tab to a sentence, selection mode (`s`) and
// Shift+arrows select, the toolbar takes the focus, Enter highlights and the focus comes back
// to the sentence; `h` highlights a whole sentence; the toolbar is the next Tab stop after a
// mouse selection; `?` and « Raccourcis clavier » open the list of keys.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';
import { selectWithMouse } from '../fixtures/selection';

test('keyboard only: selection mode, Shift+arrows, Enter highlights; h highlights a sentence; ? lists the keys', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { page, context } = await browserAs(browser, room.members.reviewer);
  await page.goto(`/articles/${room.articleId}`);
  const first = page.locator('.fd-unit[data-index="0"]');
  const second = page.locator('.fd-unit[data-index="1"]');
  const third = page.locator('.fd-unit[data-index="2"]');
  await first.focus();
  await page.keyboard.press('Tab');
  await expect(second).toBeFocused();

  // Selection mode starts at the sentence; Shift+→ selects a character, Ctrl+Shift+→ words.
  await page.keyboard.press('s');
  await expect(second).toHaveAttribute('data-caret', 'true');
  await page.keyboard.press('Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Sélection' });
  const highlightButton = toolbar.getByRole('button', { name: 'Surligner' });
  await expect(toolbar).toBeVisible();
  await expect(highlightButton).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('C');
  // The toolbar has the focus and the selection still grows from there.
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('C’est le');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(highlightButton).toBeFocused();

  // Enter highlights; the focus goes back to the sentence.
  await page.keyboard.press('Enter');
  const mark = second.locator('mark.fd-highlight', { hasText: 'C’est le' });
  await expect(mark).toHaveText('C’est le');
  await expect(mark).toHaveAttribute('data-pending', 'false');
  await expect(toolbar).toHaveCount(0);
  await expect(second).toBeFocused();

  // `h` on the next sentence highlights all of it.
  await page.keyboard.press('Tab');
  await expect(third).toBeFocused();
  await page.keyboard.press('h');
  const [, , thirdSentence] = await sentencesOf(room.members.reviewer, room.articleId);
  const whole = third.locator('mark.fd-highlight');
  await expect(whole).toHaveText(thirdSentence!.text);
  await expect(whole).toHaveAttribute('data-pending', 'false');
  await expect(third).toBeFocused();

  // Stored as highlights, like a mouse one.
  const stored = (await (
    await room.members.reviewer.api.get(`/api/v1/articles/${room.articleId}/annotations`)
  ).json()) as { annotations: { target: { selector: { type: string; exact?: string }[] } }[] };
  const quotes = stored.annotations.map(
    (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact,
  );
  expect(quotes).toEqual(expect.arrayContaining(['C’est le', thirdSentence!.text]));

  // `?` opens the list of keys, a modal dialog; Escape closes it and the focus comes back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Surligner toute la phrase');
  await expect(help).toContainText('Mode sélection');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(third).toBeFocused();
  // …and so does its visible button.
  await page.getByRole('button', { name: 'Raccourcis clavier' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Fermer' }).click();
  await expect(help).toBeHidden();

  await context.close();
  await room.dispose();
});

test('the toolbar: a note reachable by Tab, Escape cancels back to the sentence, and it is the next Tab stop after a mouse selection', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { page, context } = await browserAs(browser, room.members.reviewer);
  await page.goto(`/articles/${room.articleId}`);
  const second = page.locator('.fd-unit[data-index="1"]');
  await second.focus();

  // Shift+→ on a sentence enters selection mode by itself.
  await page.keyboard.press('Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Sélection' });
  await expect(toolbar.getByRole('button', { name: 'Surligner' })).toBeFocused();
  await page.keyboard.press('Shift+End');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toMatch(/^C’est le message/);

  // Escape cancels: no toolbar, no selection, the focus on the sentence, the panel not opened.
  await page.keyboard.press('Escape');
  await expect(toolbar).toHaveCount(0);
  await expect(second).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.isCollapsed ?? true)).toBe(true);

  // Again, with a note: Tab reaches « + Note », Enter opens the field, Enter in it highlights.
  await page.keyboard.press('s');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Surligner' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: '+ Note' })).toBeFocused();
  await page.keyboard.press('Enter');
  const note = toolbar.getByLabel('Note (facultative)');
  await expect(note).toBeFocused();
  await page.keyboard.type('Tournure à vérifier');
  await page.keyboard.press('Enter');
  const mark = second.locator('mark.fd-highlight', { hasText: 'C’est' });
  await expect(mark).toHaveAttribute('data-pending', 'false');
  await expect(second).toBeFocused();

  // A mouse selection: the very next Tab reaches « Surligner », not the sentences after it.
  await selectWithMouse(page, 'isolement profond');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Surligner' })).toBeFocused();
  // Then « + Note », « Annuler », and past its last control on to the text after the selection.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Annuler la sélection (Échap)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.fd-unit:focus')).toHaveCount(1);
  await expect(toolbar).toBeVisible();

  await context.close();
  await room.dispose();
});

test('a viewer is told that the highlighting keys are not for their role', async ({ browser }) => {
  const room = await createNewsroom();
  const { page, context } = await browserAs(browser, room.members.viewer);
  await page.goto(`/articles/${room.articleId}`);
  const second = page.locator('.fd-unit[data-index="1"]');
  await second.focus();
  await page.keyboard.press('h');
  await expect(
    page.getByRole('status').filter({ hasText: 'ne permet pas de surligner' }),
  ).toHaveCount(1);
  await expect(second.locator('mark.fd-highlight')).toHaveCount(0);
  await context.close();
  await room.dispose();
});
