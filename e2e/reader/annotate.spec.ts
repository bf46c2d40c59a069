import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/auth';
import { selectWithMouse } from '../fixtures/selection';

const SEED_TITLE = /^Née des circonstances pressantes/;
const PHRASE = 'cinq millions de projectiles';
const SOURCE_URL = `https://www.example.org/enquete/munitions-${Date.now()}`;

test('ana highlights and submits a sourced verdict; ben sees both and approves; the report lists it', async ({
  page,
  browser,
}) => {
  // ana signs in through the form
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('ana@demo.test');
  await page.getByLabel('Mot de passe').fill('factdesk-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();

  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByText(/\d+ \/ 13 phrases vérifiées/)).toBeVisible();

  // highlight with the mouse
  await selectWithMouse(page, PHRASE);
  await page
    .getByRole('toolbar', { name: 'Sélection' })
    .getByRole('button', { name: 'Surligner' })
    .click();
  const mark = page.locator('mark.fd-highlight', { hasText: PHRASE });
  await expect(mark).toHaveText(PHRASE);
  await expect(mark).toHaveAttribute('data-pending', 'false');

  // verdict on its sentence, with a source, submitted for review
  await mark.click();
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(panel.getByRole('heading', { name: 'Phrase 14' })).toBeVisible();
  await panel.getByRole('radio', { name: 'Invérifiable' }).check();
  await panel.getByLabel('Justification').fill('Chiffre issu de renseignements non publiés.');
  await panel.getByRole('button', { name: '+ Ajouter une source' }).click();
  await panel.getByLabel('URL de la source 1').fill(SOURCE_URL);
  await panel.getByLabel('Titre de la source 1').fill('Enquête sur les livraisons de munitions');
  await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(panel.getByText('Verdict enregistré.')).toBeVisible();
  await expect(panel.getByTestId('my-verdict-status')).toContainText('Brouillon');
  const sentence = page.locator('.fd-unit', { has: mark });
  await expect(sentence).toHaveAttribute('data-rating', 'unverifiable');
  await panel.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await expect(panel.getByTestId('my-verdict-status')).toContainText('Soumis');

  // after a reload, both are still there
  await page.reload();
  await expect(page.locator('mark.fd-highlight', { hasText: PHRASE })).toBeVisible();
  await page.locator('mark.fd-highlight', { hasText: PHRASE }).click();
  await expect(panel.getByRole('radio', { name: 'Invérifiable' })).toBeChecked();
  await expect(panel.getByLabel('URL de la source 1')).toHaveValue(SOURCE_URL);

  // ben, in his own browser context, sees the highlight and ana's verdict, and approves it
  const benContext = await browser.newContext();
  const ben = await benContext.newPage();
  await signIn(ben, 'ben@demo.test');
  await ben.goto('/');
  await ben.getByRole('link', { name: SEED_TITLE }).click();
  const benMark = ben.locator('mark.fd-highlight', { hasText: PHRASE });
  await expect(benMark).toBeVisible();
  await benMark.click();
  const benPanel = ben.getByRole('complementary', { name: 'Phrase sélectionnée' });
  const anaVerdict = benPanel
    .getByRole('list', { name: 'Verdicts de l’équipe' })
    .getByRole('listitem')
    .filter({ hasText: 'Ana Martin' });
  await expect(anaVerdict).toContainText('Invérifiable');
  await expect(
    anaVerdict.getByRole('link', { name: 'Enquête sur les livraisons de munitions' }),
  ).toHaveAttribute('href', SOURCE_URL);
  await anaVerdict.getByRole('button', { name: 'Approuver le verdict d’Ana Martin' }).click();
  await expect(benPanel.getByTestId('final-verdict')).toContainText('approuvé par Ben Durand');

  // the Markdown report holds the sentence and the source
  const downloadPromise = ben.waitForEvent('download');
  await ben.getByRole('link', { name: 'Markdown' }).click();
  const download = await downloadPromise;
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain(
    'Les informations des agences d’espionnage américaines et sud-coréennes parlent de',
  );
  expect(markdown).toContain(PHRASE);
  expect(markdown).toContain(SOURCE_URL);
  expect(markdown).toContain('Invérifiable');
  expect(markdown).toContain('Vérifié par Ana Martin, approuvé par Ben Durand');
  await benContext.close();
});

test('sentences are reachable by keyboard: Tab, Enter opens the panel, Escape closes it', async ({
  page,
}) => {
  await signIn(page, 'ben@demo.test');
  await page.goto('/');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  const first = page.locator('.fd-unit[data-index="0"]');
  await first.focus();
  await page.keyboard.press('Tab');
  const second = page.locator('.fd-unit[data-index="1"]');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(panel.getByRole('heading', { name: 'Phrase 2' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('heading', { name: 'Phrase 2' })).toHaveCount(0);
  await expect(second).toBeFocused();
  // paywall notices are greyed and not reachable
  await expect(page.locator('.fd-unit[data-kind="paywall"]').first()).not.toHaveAttribute(
    'tabindex',
    '0',
  );
});

test('eve, from another team, cannot open the demo article', async ({ page }) => {
  await signIn(page, 'ben@demo.test');
  await page.goto('/');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/\/articles\/[0-9a-f-]{36}$/);
  await page.context().clearCookies();
  await signIn(page, 'eve@demo.test');
  await page.goto('/');
  await expect(page.getByRole('link', { name: SEED_TITLE })).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Introuvable' })).toBeVisible();
  const api = await page.context().request.get(url.replace('/articles/', '/api/v1/articles/'));
  expect(api.status()).toBe(404);
});

test('a source that is not an http(s) address is refused beside its field, and nothing is stored', async ({
  page,
}) => {
  await signIn(page, 'ben@demo.test');
  await page.goto('/');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await page.locator('.fd-unit[data-index="4"]').click();
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(panel.getByRole('heading', { name: 'Phrase 5' })).toBeVisible();
  await panel.getByRole('radio', { name: 'Trompeur' }).check();
  await panel.getByRole('button', { name: '+ Ajouter une source' }).click();
  await panel.getByLabel('URL de la source 1').fill('javascript:alert(1)');
  await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(panel.getByText('Adresse http(s) requise.')).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveText('Vérifiez les champs signalés.');

  // The server refuses it too (the form's check is a convenience), and stores nothing.
  const sentenceId = (await page.locator('.fd-unit[data-index="4"]').getAttribute('id'))!.replace(
    'unit-',
    '',
  );
  const response = await page.context().request.put(`/api/v1/sentences/${sentenceId}/verdict`, {
    data: { rating: 'misleading', sources: [{ url: 'javascript:alert(1)' }] },
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.code).toBe('validation_failed');
  const detail = await (await page.context().request.get(`/api/v1/sentences/${sentenceId}`)).json();
  expect(detail.verdicts).toEqual([]);
});
