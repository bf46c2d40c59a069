// The team journal as an owner reads it (issue 12, point 10): each event is a sentence naming
// the member — « Élie Éditeur a approuvé le verdict de Rita Relectrice sur la phrase N » —
// with what changed in words (no JSON), and the member and action filters narrow it down.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, SEED_TEXT, sentencesOf } from '../fixtures/newsroom';

test('the journal names the member in a sentence; filtering by member and action works', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, editor, reviewer } = room.members;
  const sentences = await sentencesOf(owner, room.articleId);
  const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
  const n = claim.index + 1;

  // Rita rates and submits, Élie approves; Rita highlights a passage.
  expect(
    (
      await reviewer.api.put(`/api/v1/sentences/${claim.id}/verdict`, {
        data: {
          rating: 'false',
          rationale: 'Aucune source indépendante.',
          sources: [{ url: 'https://example.org/source' }],
        },
      })
    ).status(),
  ).toBe(200);
  const submit = await reviewer.api.post(`/api/v1/sentences/${claim.id}/verdict/submit`);
  expect(submit.status()).toBe(200);
  const verdict = (await submit.json()) as { id: string; version: number };
  expect(
    (
      await editor.api.post(`/api/v1/verdicts/${verdict.id}/approve`, {
        data: { version: verdict.version },
      })
    ).status(),
  ).toBe(200);
  const quote = 'isolement profond';
  const start = SEED_TEXT.indexOf(quote);
  expect(
    (
      await reviewer.api.post(`/api/v1/articles/${room.articleId}/annotations`, {
        data: {
          selector: [
            { type: 'TextQuoteSelector', exact: quote },
            { type: 'TextPositionSelector', start, end: start + quote.length },
          ],
        },
      })
    ).status(),
  ).toBe(201);
  const highlighted = sentences.find((s) => s.text.includes(quote))!;

  const { context, page } = await browserAs(browser, owner);
  await page.goto(`/teams/${room.teamId}/audit`);
  const journal = page.getByRole('table');
  const approval = journal.getByRole('row').filter({
    hasText: `${editor.name} a approuvé le verdict de ${reviewer.name} sur la phrase ${n}`,
  });
  await expect(approval).toHaveCount(1);
  await expect(approval).toContainText('Soumis');
  await expect(approval).toContainText('Approuvé');
  await expect(
    journal.getByRole('row').filter({
      hasText: `${reviewer.name} a surligné un passage de la phrase ${highlighted.index + 1}`,
    }),
  ).toHaveCount(1);
  await expect(
    journal.getByRole('row').filter({ hasText: `${reviewer.name} a soumis son verdict` }),
  ).toContainText('Aucune source indépendante.');
  // Readable, not the stored JSON.
  await expect(journal).not.toContainText('{"');
  await expect(journal).not.toContainText('"status"');

  // Only Rita's doing.
  await page.getByRole('combobox', { name: 'Membre' }).selectOption({ label: reviewer.name });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(new RegExp(`member=${reviewer.id}`));
  await expect(
    journal.getByRole('row').filter({ hasText: `${reviewer.name} a soumis` }),
  ).toHaveCount(1);
  await expect(journal.getByRole('row').filter({ hasText: `${editor.name} a ` })).toHaveCount(0);
  await expect(journal.getByRole('row').filter({ hasText: `${owner.name} a ` })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Membre' })).toHaveValue(reviewer.id);

  // Only approvals, by anyone.
  await page.getByRole('combobox', { name: 'Membre' }).selectOption('');
  await page.getByRole('combobox', { name: 'Action' }).selectOption('verdict.approve');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/action=verdict\.approve/);
  const rows = journal.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(
    `${editor.name} a approuvé le verdict de ${reviewer.name}`,
  );

  // The sentence's link leads to it in the reader, its panel open.
  const link = rows.first().getByRole('link');
  await expect(link).toHaveAttribute(
    'href',
    `/articles/${room.articleId}?sentence=${claim.id}#sentence-${n}`,
  );
  await link.click();
  await expect(page.getByRole('complementary', { name: 'Phrase sélectionnée' })).toContainText(
    `Phrase ${n}`,
  );

  // Cleared, everything again.
  await page.goto(`/teams/${room.teamId}/audit?action=verdict.approve`);
  await page.getByRole('link', { name: 'Tout afficher' }).click();
  await expect(
    journal.getByRole('row').filter({ hasText: `${owner.name} a créé la rédaction` }),
  ).toHaveCount(1);

  await context.close();
  await room.dispose();
});
