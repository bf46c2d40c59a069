// Search as a fact-checker types it (issue 12, point 9): « coree », without its accent, finds
// the sentences with « Corée »; a word of a verdict's rationale or of a comment finds the
// sentence it was written on, says what matched, and leads to the sentence in the reader.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

test('« coree » finds « Corée »; a rationale or a comment word finds its sentence', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { reviewer, editor, viewer } = room.members;
  const sentences = (await sentencesOf(viewer, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const withCoree = sentences.filter((s) => s.text.includes('Corée'));
  expect(withCoree).toHaveLength(3);
  const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
  const other = sentences.find((s) => s.text.includes('isolement profond'))!;

  // A submitted verdict (its rationale is the team's to read) and a comment, by API.
  expect(
    (
      await reviewer.api.put(`/api/v1/sentences/${claim.id}/verdict`, {
        data: {
          rating: 'misleading',
          rationale: 'Chiffre repris de la télévision d’État, jamais vérifié.',
          sources: [{ url: 'https://example.org/chiffre' }],
        },
      })
    ).status(),
  ).toBe(200);
  expect((await reviewer.api.post(`/api/v1/sentences/${claim.id}/verdict/submit`)).status()).toBe(
    200,
  );
  expect(
    (
      await editor.api.post(`/api/v1/sentences/${other.id}/comments`, {
        data: { body: 'Demander confirmation au bureau de Séoul.' },
      })
    ).status(),
  ).toBe(201);

  const { context, page } = await browserAs(browser, viewer);
  const search = async (words: string) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: /Rechercher dans les articles/ }).fill(words);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/\/search\?/);
  };
  // The results themselves, not the notes and comments listed inside each.
  const results = page
    .getByRole('list', { name: 'Résultats de la recherche' })
    .locator(':scope > li');

  // Without the accent, and in capitals: the three sentences with « Corée ».
  for (const words of ['coree', 'COREE']) {
    await search(words);
    await expect(page.getByRole('heading', { name: '3 résultats' })).toBeVisible();
    await expect(results.filter({ has: page.locator('mark', { hasText: 'Corée' }) })).toHaveCount(
      3,
    );
  }

  // A rationale word, typed without accents: the sentence it was written on.
  await search('television etat');
  await expect(page.getByRole('heading', { name: '1 résultat' })).toBeVisible();
  const rationaleHit = results.first();
  await expect(rationaleHit).toContainText('cinq millions');
  await expect(rationaleHit).toContainText('Trouvé dans : une justification de verdict');
  await expect(rationaleHit).toContainText(`Justification du verdict de ${reviewer.name}`);
  await expect(rationaleHit.locator('mark', { hasText: 'télévision' })).toBeVisible();

  // A comment word; the result leads to the sentence in the reader.
  await search('seoul');
  await expect(page.getByRole('heading', { name: '1 résultat' })).toBeVisible();
  const commentHit = results.first();
  await expect(commentHit).toContainText(`Commentaire de ${editor.name}`);
  const link = commentHit.getByRole('link').first();
  await expect(link).toHaveAttribute(
    'href',
    `/articles/${room.articleId}?sentence=${other.id}#sentence-${other.index + 1}`,
  );
  await link.click();
  await expect(page.getByRole('complementary', { name: 'Phrase sélectionnée' })).toContainText(
    `Phrase ${other.index + 1}`,
  );

  await context.close();
  await room.dispose();
});

test('a teammate’s draft rationale is never found', async ({ browser }) => {
  const room = await createNewsroom();
  const { reviewer, owner } = room.members;
  const [first] = (await sentencesOf(owner, room.articleId)).filter((s) => s.kind === 'sentence');
  expect(
    (
      await reviewer.api.put(`/api/v1/sentences/${first!.id}/verdict`, {
        data: { rating: 'false', rationale: 'Brouillon : Ouagadougou à vérifier.' },
      })
    ).status(),
  ).toBe(200);

  const { context, page } = await browserAs(browser, owner);
  await page.goto('/search?q=ouagadougou');
  await expect(page.getByRole('heading', { name: '0 résultats' })).toBeVisible();
  await context.close();

  // Its author finds it.
  const mine = await browserAs(browser, reviewer);
  await mine.page.goto('/search?q=ouagadougou');
  await expect(mine.page.getByRole('heading', { name: '1 résultat' })).toBeVisible();
  await mine.context.close();
  await room.dispose();
});
