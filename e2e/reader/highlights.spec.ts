// Changing highlights in the reader: its author edits the note, an editor deletes it; a
// teammate with the article open sees both without reloading.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, SEED_TEXT } from '../fixtures/newsroom';

test('the author edits a highlight note, an editor deletes it, a teammate sees both live', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { reviewer, editor } = room.members;
  const start = SEED_TEXT.indexOf('isolement profond');
  const created = await reviewer.api.post(`/api/v1/articles/${room.articleId}/annotations`, {
    data: {
      selector: [
        { type: 'TextQuoteSelector', exact: 'isolement profond' },
        { type: 'TextPositionSelector', start, end: start + 17 },
      ],
    },
  });
  expect(created.status()).toBe(201);

  const author = await browserAs(browser, reviewer);
  const watcher = await browserAs(browser, editor);
  await author.page.goto(`/articles/${room.articleId}`);
  await watcher.page.goto(`/articles/${room.articleId}`);
  const watcherMark = watcher.page.locator('mark.fd-highlight', { hasText: 'isolement profond' });
  await expect(watcherMark).toBeVisible();

  await author.page.locator('mark.fd-highlight', { hasText: 'isolement profond' }).click();
  const panel = author.page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await panel.getByRole('button', { name: 'Ajouter une note' }).click();
  await panel.getByLabel('Note du surlignage').fill('Vérifier auprès de l’AIEA');
  await panel.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(panel.getByText('Vérifier auprès de l’AIEA')).toBeVisible();

  // The editor's open panel shows the new note without a reload, then the editor deletes it.
  // The note shows on the text too, for the teammate: a note mark after the passage and the
  // note on hover.
  await expect(watcherMark).toHaveAttribute('data-note-end', 'true');
  await expect(watcherMark).toHaveAttribute('title', 'Note : Vérifier auprès de l’AIEA');
  await watcherMark.click();
  const watcherPanel = watcher.page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(watcherPanel.getByText('Vérifier auprès de l’AIEA')).toBeVisible();
  await watcherPanel.getByRole('button', { name: 'Supprimer le surlignage' }).click();
  // Asked in the app's own dialog (not window.confirm), focus on « Annuler » first.
  const confirmation = watcher.page.getByRole('alertdialog', { name: 'Supprimer ce surlignage ?' });
  await expect(confirmation.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(watcherMark).toHaveCount(0);
  await expect(
    author.page.locator('mark.fd-highlight', { hasText: 'isolement profond' }),
  ).toHaveCount(0);

  await author.context.close();
  await watcher.context.close();
  await room.dispose();
});
