// « Déjà vérifié ? » in a real Chromium (issue 16, first slice): the same claim in another
// article of the team shows the earlier approved verdict in the panel, with its reasons and a
// link to it.
import { expect, test, type Page } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Phrase sélectionnée' });

test('an approved verdict shows on the same claim in another article', async ({ browser }) => {
  const room = await createNewsroom();
  const { owner, editor, reviewer } = room.members;
  const claim = (await sentencesOf(owner, room.articleId)).find(
    (s) => s.kind === 'sentence' && s.text.includes('millions de projectiles'),
  )!;
  await reviewer.api.put(`/api/v1/sentences/${claim.id}/verdict`, {
    data: { rating: 'misleading', rationale: 'Estimation non confirmée.' },
  });
  const submitted = (await (
    await reviewer.api.post(`/api/v1/sentences/${claim.id}/verdict/submit`)
  ).json()) as { id: string; version: number };
  const approval = await owner.api.post(`/api/v1/verdicts/${submitted.id}/approve`, {
    data: { version: submitted.version },
  });
  expect(approval.status()).toBe(200);

  // The same text imported again: its sentence finds the earlier verdict.
  const other = await room.newArticle();
  const again = (await sentencesOf(owner, other)).find((s) => s.text === claim.text)!;
  const { context, page } = await browserAs(browser, editor);
  await page.goto(`/articles/${other}`);
  await page.locator(`#unit-${again.id}`).click();
  const matches = panelOf(page).getByTestId('claim-matches');
  await expect(matches.getByRole('heading', { name: 'Déjà vérifié ?' })).toBeVisible();
  await expect(matches).toContainText('Trompeur');
  await expect(matches).toContainText('mêmes chiffres');
  await expect(matches.getByRole('link')).toHaveAttribute(
    'href',
    `/articles/${room.articleId}#sentence-${claim.index + 1}`,
  );
  await context.close();
  await room.dispose();
});
