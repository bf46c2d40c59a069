// Articles in, reports out, in the browser: an editor imports a pasted article, highlights a
// passage, corrects the text — the highlight survives — and downloads the PDF report; an HTML
// file is imported through the file picker with its scripts left out.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { selectWithMouse } from '../fixtures/selection';
import { browserAs, createNewsroom, SEED_TEXT } from '../fixtures/newsroom';

const PHRASE = 'cinq millions de projectiles';

test('import a pasted article, highlight, correct the text: the highlight survives; PDF report', async ({
  browser,
}) => {
  const room = await createNewsroom('Import');
  const { page, context } = await browserAs(browser, room.members.editor);
  await page.goto('/articles/new');
  await page.getByRole('radio', { name: 'Coller le texte' }).check();
  await page.getByLabel('Texte de l’article').fill(SEED_TEXT);
  await page.getByLabel('Titre').fill('Le pacte Russie–Corée du Nord');
  await page.getByRole('button', { name: 'Importer l’article' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Le pacte Russie–Corée du Nord' }),
  ).toBeVisible();
  await expect(page.getByText(/0 \/ 13 phrases vérifiées/)).toBeVisible();
  // Claim triage points at the sentences with figures and dates first.
  const priorities = page.getByRole('list', { name: 'Phrases par priorité' });
  await expect(priorities.getByRole('listitem').first()).toContainText('Phrase');

  await selectWithMouse(page, PHRASE);
  await page
    .getByRole('toolbar', { name: 'Sélection' })
    .getByRole('button', { name: 'Surligner' })
    .click();
  await expect(page.locator('mark.fd-highlight', { hasText: PHRASE })).toHaveAttribute(
    'data-pending',
    'false',
  );

  // Correct the text: a sentence added before, a word changed elsewhere.
  await page.getByRole('button', { name: 'Corriger le texte' }).click();
  const corrected = `Mise à jour du 21 juin.\n${SEED_TEXT.replace('brève déclaration', 'courte déclaration')}`;
  await page.getByLabel('Texte corrigé').fill(corrected);
  await page.getByLabel('Note de correction (facultative)').fill('Ajout du chapeau');
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await expect(page.getByRole('button', { name: /^Version 2 du texte/ })).toBeVisible();
  const mark = page.locator('mark.fd-highlight', { hasText: PHRASE });
  await expect(mark).toBeVisible();
  await expect(mark).not.toHaveAttribute('data-anchor', 'fuzzy');
  await expect(
    page.locator('[data-article-text]').getByText('Mise à jour du 21 juin.'),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Version 2 du texte/ }).click();
  await expect(page.getByRole('list', { name: 'Versions du texte' })).toContainText(
    'Ajout du chapeau',
  );

  // The PDF report is rendered by a worker (progress shown), then downloads and is a PDF.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible({
    timeout: 60_000,
  });
  const pdf = readFileSync((await (await download).path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await context.close();
  await room.dispose();
});

test('an HTML file is imported through the file picker, its scripts left out and shown inert', async ({
  browser,
}) => {
  const room = await createNewsroom('Import HTML');
  const { page, context } = await browserAs(browser, room.members.owner);
  let alerted = false;
  page.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await page.goto('/articles/new');
  await page.getByRole('radio', { name: 'Fichier' }).check();
  await page.getByLabel('Fichier (.txt, .md, .html)').setInputFiles({
    name: 'gazette.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      `<!doctype html><html lang="fr"><head><title>La Gazette du pacte</title>
       <script>window.__pwned = true</script></head><body>
       <article><h1>La Gazette du pacte</h1>
       <p>Le traité a été signé le 19 juin 2024. <img src=x onerror="window.__pwned = true"></p>
       <p>Le texte &lt;script&gt;window.__pwned = true&lt;/script&gt; reste du texte.</p></article>
       </body></html>`,
    ),
  });
  await page.getByRole('button', { name: 'Importer l’article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'La Gazette du pacte' })).toBeVisible();
  const text = page.locator('[data-article-text]');
  await expect(text.getByText('Le traité a été signé le 19 juin 2024.')).toBeVisible();
  await expect(
    page.getByText('<script>window.__pwned = true</script>', { exact: false }),
  ).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();
  expect(alerted).toBe(false);
  await context.close();
  await room.dispose();
});
