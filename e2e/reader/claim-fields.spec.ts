// The claim's fields in my verdict (issue 15, point 3): the claimant suggested from the
// sentence's attribution (« Poutine a révélé… »), a summary with its advised length, kept on the
// device through a reload like the rest of the form, saved with the verdict.
import { expect, test, type Page } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Phrase sélectionnée' });

test('the claimant is suggested from the sentence, and the claim survives a reload and is saved', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { reviewer } = room.members;
  const sentence = (await sentencesOf(reviewer, room.articleId)).find(
    (s) => s.kind === 'sentence' && s.text.includes('Poutine a révélé'),
  )!;
  const { context, page } = await browserAs(browser, reviewer);
  await page.goto(`/articles/${room.articleId}`);
  await page.locator(`#unit-${sentence.id}`).click();
  const panel = panelOf(page);
  await panel.getByRole('radio', { name: 'Trompeur', exact: true }).check();
  await panel.getByText('L’affirmation (publiée avec le verdict)').click();
  await panel.getByRole('button', { name: 'Reprendre « Poutine » (cité dans la phrase)' }).click();
  await expect(panel.getByLabel('Qui l’affirme')).toHaveValue('Poutine');
  await panel.getByLabel('Qui l’affirme').fill('Vladimir Poutine');
  const summary = panel.getByLabel('L’affirmation en bref');
  await summary.fill('Le pacte prévoit une aide mutuelle en cas d’agression');
  await expect(panel.getByText('53 caractères sur 75 conseillés.')).toBeVisible();
  await panel.getByLabel('Date de l’affirmation').fill('2024-06-19');

  // Reloaded at once: the device kept the claim too, and the section opens on it.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await page.locator(`#unit-${sentence.id}`).click();
  await expect(panelOf(page).getByLabel('Qui l’affirme')).toHaveValue('Vladimir Poutine');
  await expect(panelOf(page).getByLabel('Date de l’affirmation')).toHaveValue('2024-06-19');
  await panelOf(page).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(panelOf(page).getByTestId('save-state')).toHaveAttribute('data-saved', 'server');

  const detail = (await (await reviewer.api.get(`/api/v1/sentences/${sentence.id}`)).json()) as {
    verdicts: { author: { id: string }; claim: Record<string, unknown> }[];
  };
  expect(detail.verdicts.find((v) => v.author.id === reviewer.id)?.claim).toEqual({
    summary: 'Le pacte prévoit une aide mutuelle en cas d’agression',
    claimant: 'Vladimir Poutine',
    claimantKind: 'person',
    date: '2024-06-19',
    appearanceUrl: null,
  });
  await context.close();
  await room.dispose();
});
