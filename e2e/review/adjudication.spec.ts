// Independent adjudication (issue 12, point 6): two members disagree on a sentence; the owner,
// who is one of them, may not settle it (refused by the API, and the panel explains why instead
// of offering the form); a third member, the editor, who did not rate it, settles it in the
// browser. Afterwards the agreement figures still count the two independent ratings, even once
// the sent-back author reworks hers to match the outcome.
import { expect, test, type APIResponse } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf, type Member } from '../fixtures/newsroom';

const PARTY_REFUSAL =
  /Vous avez noté cette phrase : le litige doit être tranché par un·e éditeur·rice ou propriétaire qui ne l’a pas notée/;

async function ok<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function submit(member: Member, sentenceId: string, rating: string) {
  await ok(await member.api.put(`/api/v1/sentences/${sentenceId}/verdict`, { data: { rating } }));
  return ok<{ id: string; version: number }>(
    await member.api.post(`/api/v1/sentences/${sentenceId}/verdict/submit`),
  );
}

interface Agreement {
  alpha: number | null;
  percentAgreement: number | null;
  ratedSentences: number;
  disputed: string[];
}

test('a third member settles a dispute; its parties may not; the agreement keeps both ratings', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, editor, reviewer } = room.members;
  const [sentence] = (await sentencesOf(owner, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const agreement = async () =>
    ok<Agreement>(await editor.api.get(`/api/v1/articles/${room.articleId}/agreement`));

  // Two members rate the sentence independently, and disagree.
  const reviewers = await submit(reviewer, sentence!.id, 'true');
  await submit(owner, sentence!.id, 'false');
  expect(await agreement()).toMatchObject({
    ratedSentences: 1,
    percentAgreement: 0,
    disputed: [sentence!.id],
  });

  // The owner is a party: the API refuses both ways of settling, and nothing changes.
  const refusals = [
    await owner.api.post(`/api/v1/sentences/${sentence!.id}/resolve`, {
      data: { rating: 'misleading', rationale: 'Les deux ont une part de vrai.' },
    }),
    await owner.api.post(`/api/v1/sentences/${sentence!.id}/resolve`, {
      data: { verdictId: reviewers.id, version: reviewers.version },
    }),
    await owner.api.post(`/api/v1/verdicts/${reviewers.id}/approve`, {
      data: { version: reviewers.version },
    }),
  ];
  for (const refused of refusals) {
    expect(refused.status()).toBe(403);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('adjudicator_is_party');
    expect(body.error.message).toMatch(PARTY_REFUSAL);
  }
  const detail = await ok<{ state: string; canResolve: boolean; resolveRefusal: string | null }>(
    await owner.api.get(`/api/v1/sentences/${sentence!.id}`),
  );
  expect(detail).toMatchObject({ state: 'disputed', canResolve: false });
  expect(detail.resolveRefusal).toMatch(PARTY_REFUSAL);

  // In the owner's panel: the explanation, not the form.
  const ownerSide = await browserAs(browser, owner);
  await ownerSide.page.goto(`/articles/${room.articleId}`);
  await ownerSide.page.locator(`.fd-unit[data-index="${sentence!.index}"]`).click();
  const ownerPanel = ownerSide.page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await expect(ownerPanel.getByTestId('sentence-state')).toHaveText('En litige');
  await expect(ownerPanel.getByText(PARTY_REFUSAL)).toBeVisible();
  await expect(ownerPanel.getByRole('button', { name: 'Écrire le verdict final' })).toHaveCount(0);
  await ownerSide.context.close();

  // The editor rated nothing: she writes the final verdict in her panel.
  const editorSide = await browserAs(browser, editor);
  const page = editorSide.page;
  await page.goto(`/articles/${room.articleId}`);
  const unit = page.locator(`.fd-unit[data-index="${sentence!.index}"]`);
  await unit.click();
  const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await panel.getByRole('button', { name: 'Écrire le verdict final' }).click();
  const form = panel.getByRole('form', { name: 'Verdict final' });
  await form.getByRole('radio', { name: 'Faux', exact: true }).check();
  await form.getByLabel('Justification de l’arbitrage').fill('Démenti par le rapport officiel.');
  await form.getByRole('button', { name: 'Trancher' }).click();
  await expect(panel.getByTestId('final-verdict')).toContainText(`Tranché par ${editor.name}`);
  await expect(unit).toHaveAttribute('data-state', 'approved');

  // Settled: no dispute any more, and still one sentence rated by two members who disagreed.
  await expect
    .poll(agreement)
    .toMatchObject({ ratedSentences: 1, percentAgreement: 0, disputed: [] });
  await page.reload();
  await expect(page.getByTestId('agreement')).toContainText(
    '1 phrase notée par au moins deux membres',
  );
  await expect(page.getByTestId('agreement')).toContainText('accord brut 0');

  // The sent-back reviewer reworks her verdict to the outcome and submits it again: the
  // figures keep the rating she gave independently.
  const sentBack = await ok<{ verdicts: { id: string; version: number; status: string }[] }>(
    await reviewer.api.get(`/api/v1/sentences/${sentence!.id}`),
  );
  const hers = sentBack.verdicts.find((v) => v.id === reviewers.id)!;
  expect(hers.status).toBe('rejected');
  await ok(
    await reviewer.api.put(`/api/v1/sentences/${sentence!.id}/verdict`, {
      data: { rating: 'false', version: hers.version },
    }),
  );
  await ok(await reviewer.api.post(`/api/v1/sentences/${sentence!.id}/verdict/submit`));
  expect(await agreement()).toMatchObject({ ratedSentences: 1, percentAgreement: 0 });

  await editorSide.context.close();
  await room.dispose();
});
