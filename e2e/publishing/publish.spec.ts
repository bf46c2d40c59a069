// Publishing (issue 15, point 6) in a real Chromium: an editor publishes the article's approved
// verdicts from the reader; an anonymous visitor reads the public page — the approved claim with
// its rationale shown as text (a hostile rationale runs nothing), one JSON-LD script whose
// ClaimReview `url` is the claim's anchor on that page, never an unapproved verdict; then the
// editor withdraws it and the address answers 410.
import { expect, test, type APIResponse } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf, type Member } from '../fixtures/newsroom';

const HOSTILE =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Démenti.';

async function ok<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function submit(member: Member, sentenceId: string, input: object) {
  await ok(await member.api.put(`/api/v1/sentences/${sentenceId}/verdict`, { data: input }));
  return ok<{ id: string; version: number }>(
    await member.api.post(`/api/v1/sentences/${sentenceId}/verdict/submit`),
  );
}

test('an editor publishes and withdraws; anyone reads the page, inert, with its ClaimReview', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, editor, reviewer } = room.members;
  const [first, second] = (await sentencesOf(owner, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const verdict = await submit(reviewer, first!.id, {
    rating: 'false',
    rationale: HOSTILE,
    sources: [{ url: 'https://www.example.org/rapport', title: 'Rapport' }],
  });
  await ok(
    await owner.api.post(`/api/v1/verdicts/${verdict.id}/approve`, {
      data: { version: verdict.version },
    }),
  );
  // Submitted, not approved: never public.
  await submit(reviewer, second!.id, { rating: 'true', rationale: 'PAS-ENCORE-APPROUVÉ' });

  const { context, page } = await browserAs(browser, editor);
  await page.goto(`/articles/${room.articleId}`);
  const publication = page.getByTestId('publication');
  await publication.getByRole('button', { name: 'Publier la vérification' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Publier la vérification ?' });
  await expect(dialog).toContainText('Le verdict approuvé sera lisible par tous');
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  const link = publication.getByRole('link', { name: 'Voir la page publique' });
  await expect(link).toBeVisible();
  const url = (await link.getAttribute('href'))!;
  expect(url).toMatch(/\/p\/[a-z0-9-]+\/[a-z0-9-]+$/);

  // Anyone, without an account.
  const visitor = await browser.newContext({ locale: 'fr-FR' });
  const anonymous = await visitor.newPage();
  const errors: string[] = [];
  anonymous.on('pageerror', (error) => errors.push(error.message));
  const response = await anonymous.goto(url);
  expect(response?.status()).toBe(200);
  const anchor = `sentence-${first!.index + 1}`;
  const claim = anonymous.locator(`#${anchor}`);
  await expect(claim).toContainText(first!.text);
  // The hostile rationale is text on the page, and nothing of it ran.
  await expect(claim.locator('.rationale')).toContainText('<script>window.__pwned = 1</script>');
  expect(await anonymous.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await anonymous.locator('img').count()).toBe(0);
  await expect(anonymous.getByText('PAS-ENCORE-APPROUVÉ')).toHaveCount(0);
  await expect(anonymous.locator(`#sentence-${second!.index + 1}`)).toHaveCount(0);
  const jsonLd = await anonymous.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd).toHaveLength(1);
  const review = JSON.parse(jsonLd[0]!) as { '@type': string; url: string };
  expect(review).toMatchObject({ '@type': 'ClaimReview', url: `${url}#${anchor}` });
  expect(await anonymous.locator('link[rel="canonical"]').getAttribute('href')).toBe(url);
  expect(errors).toEqual([]);
  // A readable print: the claim is on paper.
  await anonymous.emulateMedia({ media: 'print' });
  await expect(claim).toBeVisible();
  await anonymous.screenshot({ path: test.info().outputPath('public-page.png'), fullPage: true });

  // Withdrawn: 410, and the reader says so.
  await publication.getByRole('button', { name: 'Retirer la publication' }).click();
  await page
    .getByRole('alertdialog', { name: 'Retirer la publication ?' })
    .getByRole('button', { name: 'Retirer', exact: true })
    .click();
  await expect(publication).toContainText('Publication retirée le');
  const gone = await anonymous.goto(url);
  expect(gone?.status()).toBe(410);
  await expect(anonymous.getByText(first!.text)).toHaveCount(0);

  await Promise.all([context.close(), visitor.close()]);
  await room.dispose();
});
