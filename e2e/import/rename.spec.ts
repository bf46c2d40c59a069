// A rename is not a new text: the revision line keeps saying « Version 1 du texte » after one,
// and the first correction after it is version 2 — while the 409 check still uses the article's
// row version, which the rename did bump.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, SEED_TEXT } from '../fixtures/newsroom';

test('after a rename the text is still version 1; a correction then makes version 2', async ({
  browser,
}) => {
  const room = await createNewsroom('Renommage');
  const { page, context } = await browserAs(browser, room.members.editor);
  await page.goto(`/articles/${room.articleId}`);
  await expect(page.getByRole('button', { name: 'Version 1 du texte · 1 version' })).toBeVisible();

  await page.getByRole('button', { name: 'Renommer' }).click();
  await page.getByLabel('Titre de l’article').fill('Le pacte, renommé');
  await page.getByRole('button', { name: 'Enregistrer le titre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le pacte, renommé' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Le pacte, renommé' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Version 1 du texte · 1 version' })).toBeVisible();

  await page.getByRole('button', { name: 'Corriger le texte' }).click();
  await page.getByLabel('Texte corrigé').fill(`Mise à jour du 21 juin.\n${SEED_TEXT}`);
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  const line = page.getByRole('button', { name: 'Version 2 du texte · 2 versions' });
  await expect(line).toBeVisible();
  await line.click();
  const list = page.getByRole('list', { name: 'Versions du texte' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Version 2 — correction');
  await expect(list.getByRole('listitem').last()).toContainText('Version 1 — texte collé');

  // The API still versions the row (3: import, rename, correction) for its 409 checks.
  const article = await room.members.editor.api.get(`/api/v1/articles/${room.articleId}`);
  expect(await article.json()).toMatchObject({ version: 3, revisionCount: 2 });
  const stale = await room.members.editor.api.patch(`/api/v1/articles/${room.articleId}`, {
    data: { title: 'Trop tard', version: 2 },
  });
  expect(stale.status()).toBe(409);

  await context.close();
  await room.dispose();
});
