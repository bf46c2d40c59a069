// States at a glance: my draft, a verdict in review, one sent back, a dispute and a published
// verdict each look different in the text (a pattern and a glyph, not only a colour), only the
// published one is tinted in its rating's colour (a draft « Vrai » is not the green of an
// approved « Vrai »), my draft is mine only, and the legend names every look.
import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function draft(api: APIRequestContext, sentenceId: string, rating: string) {
  await ok(await api.put(`/api/v1/sentences/${sentenceId}/verdict`, { data: { rating } }));
}

async function submitted(api: APIRequestContext, sentenceId: string, rating: string) {
  await draft(api, sentenceId, rating);
  return ok<{ id: string }>(await api.post(`/api/v1/sentences/${sentenceId}/verdict/submit`));
}

function looks(unit: Locator) {
  return unit.evaluate((element) => {
    const style = getComputedStyle(element);
    const after = getComputedStyle(element, '::after');
    return {
      borderBottomStyle: style.borderBottomStyle,
      borderBottomColor: style.borderBottomColor,
      backgroundColor: style.backgroundColor,
      backgroundImage: style.backgroundImage,
      outlineStyle: style.outlineStyle,
      glyph: after.content,
    };
  });
}

test('each state has its own look; only a published verdict is tinted; the legend lists them', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, editor, reviewer } = room.members;
  const sentences = (await sentencesOf(owner, room.articleId)).filter((s) => s.kind === 'sentence');
  const [mine, inReview, sentBack, disputed, published, untouched] = sentences;

  await draft(reviewer.api, mine!.id, 'true');
  await submitted(reviewer.api, inReview!.id, 'false');
  const toSendBack = await submitted(reviewer.api, sentBack!.id, 'misleading');
  await ok(
    await editor.api.post(`/api/v1/verdicts/${toSendBack.id}/reject`, {
      data: { reason: 'Aucune source.' },
    }),
  );
  await submitted(reviewer.api, disputed!.id, 'true');
  await submitted(editor.api, disputed!.id, 'false');
  const toApprove = await submitted(editor.api, published!.id, 'true');
  await ok(await owner.api.post(`/api/v1/verdicts/${toApprove.id}/approve`, { data: {} }));

  const { page, context } = await browserAs(browser, reviewer);
  await page.goto(`/articles/${room.articleId}`);
  const unit = (id: string) => page.locator(`#unit-${id}`);

  const expected: [string, string, string][] = [
    [mine!.id, 'draft', 'unchecked'],
    [inReview!.id, 'in_review', 'in_review'],
    [sentBack!.id, 'sent_back', 'unchecked'],
    [disputed!.id, 'disputed', 'disputed'],
    [published!.id, 'approved', 'approved'],
    [untouched!.id, 'unchecked', 'unchecked'],
  ];
  for (const [id, look, state] of expected) {
    await expect(unit(id)).toHaveAttribute('data-look', look);
    await expect(unit(id)).toHaveAttribute('data-state', state);
  }

  // My draft « Vrai » and the published « Vrai »: the same rating, not the same look.
  await expect(unit(mine!.id)).toHaveAttribute('data-rating', 'true');
  await expect(unit(published!.id)).toHaveAttribute('data-rating', 'true');
  await expect(unit(mine!.id)).toHaveAttribute('title', 'Mon brouillon : Vrai');
  await expect(unit(published!.id)).toHaveAttribute('title', 'Publié : Vrai');
  const draftLook = await looks(unit(mine!.id));
  const publishedLook = await looks(unit(published!.id));
  expect(draftLook.borderBottomStyle).toBe('dashed');
  expect(publishedLook.borderBottomStyle).toBe('solid');
  expect(draftLook.borderBottomColor).not.toBe(publishedLook.borderBottomColor);
  expect(draftLook.backgroundColor).not.toBe(publishedLook.backgroundColor);
  expect(draftLook.backgroundImage).not.toBe('none'); // the hatch
  expect(draftLook.glyph).not.toBe(publishedLook.glyph);

  // Not by colour alone: every look differs from every other in its pattern or its glyph.
  const all = await Promise.all(expected.map(([id]) => looks(unit(id))));
  const shapes = all.map((l) =>
    [l.borderBottomStyle, l.outlineStyle, l.backgroundImage === 'none', l.glyph].join('|'),
  );
  expect(new Set(shapes).size).toBe(expected.length);
  // Only the published sentence is tinted.
  const tinted = all.filter((l) => l.backgroundColor !== 'rgba(0, 0, 0, 0)');
  expect(tinted).toEqual([publishedLook]);

  // A teammate does not see my draft: to them the sentence is unchecked.
  const teammate = await browserAs(browser, editor);
  await teammate.page.goto(`/articles/${room.articleId}`);
  await expect(teammate.page.locator(`#unit-${mine!.id}`)).toHaveAttribute(
    'data-look',
    'unchecked',
  );
  await teammate.context.close();

  // The legend names each look, with its pattern in words.
  const legend = page.getByRole('list', { name: 'Légende des phrases' });
  for (const name of [
    'À vérifier',
    'Mon brouillon',
    'Soumis, en relecture',
    'Renvoyé',
    'En litige',
    'Publié',
    'À revérifier',
  ]) {
    // Each item reads « <sample> <name> — <pattern in words> ».
    const item = new RegExp(`^\\s*Texte\\s*${name}\\s*—`);
    await expect(legend.getByRole('listitem').filter({ hasText: item })).toHaveCount(1);
  }
  await expect(legend.getByRole('listitem')).toHaveCount(7);

  await context.close();
  await room.dispose();
});
