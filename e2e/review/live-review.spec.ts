// Two people, two browsers, two app instances on one database: a verdict submitted on one
// instance appears live on the other, is approved there, the approval appears live back, and
// the report lists it. Live updates travel through PostgreSQL LISTEN/NOTIFY, not app memory.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';
import { FIRST_INSTANCE, SECOND_INSTANCE } from '../fixtures/urls';

const SOURCE_URL = 'https://www.example.org/renseignement/obus';

test('a reviewer submits on one instance; the owner sees it live on the other, approves; the approval comes back live; the report lists it', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, reviewer } = room.members;
  const ownerSide = await browserAs(browser, owner, FIRST_INSTANCE);
  const reviewerSide = await browserAs(browser, reviewer, SECOND_INSTANCE);
  const articlePath = `/articles/${room.articleId}`;
  await ownerSide.page.goto(articlePath);
  await reviewerSide.page.goto(articlePath);

  // Each sees the other viewing the article, across instances.
  await expect(ownerSide.page.getByTestId('viewers')).toContainText(reviewer.name);
  await expect(reviewerSide.page.getByTestId('viewers')).toContainText(owner.name);

  // The reviewer gives sentence 14 a sourced verdict and submits it (instance 2).
  const reviewerUnit = reviewerSide.page.locator('.fd-unit[data-index="13"]');
  await reviewerUnit.click();
  const reviewerPanel = reviewerSide.page.getByRole('complementary', {
    name: 'Phrase sélectionnée',
  });
  await reviewerPanel.getByRole('radio', { name: 'Invérifiable' }).check();
  await reviewerPanel.getByLabel('Justification').fill('Aucune donnée publique vérifiable.');
  await reviewerPanel.getByRole('button', { name: '+ Ajouter une source' }).click();
  await reviewerPanel.getByLabel('URL de la source 1').fill(SOURCE_URL);
  await reviewerPanel.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await expect(reviewerPanel.getByTestId('my-verdict-status')).toContainText('Soumis');

  // The owner (instance 1) sees it without reloading: state and announcement.
  const ownerUnit = ownerSide.page.locator('.fd-unit[data-index="13"]');
  await expect(ownerUnit).toHaveAttribute('data-state', 'in_review');
  await expect(ownerSide.page.getByRole('status').filter({ hasText: 'Verdict soumis' })).toHaveText(
    `${reviewer.name} : Verdict soumis (phrase 14).`,
  );

  // The owner opens it and approves.
  await ownerUnit.click();
  const ownerPanel = ownerSide.page.getByRole('complementary', { name: 'Phrase sélectionnée' });
  await ownerPanel
    .getByRole('button', { name: `Approuver le verdict de ${reviewer.name}` })
    .click();
  await expect(ownerPanel.getByTestId('final-verdict')).toContainText('Invérifiable');
  await expect(ownerUnit).toHaveAttribute('data-state', 'approved');

  // The approval comes back live to the reviewer, in the text and in the open panel.
  await expect(reviewerUnit).toHaveAttribute('data-state', 'approved');
  await expect(reviewerPanel.getByTestId('my-verdict-status')).toContainText(
    `Approuvé par ${owner.name}`,
  );
  await expect(reviewerSide.page.getByText('1 / 13 phrases vérifiées')).toBeVisible();

  // The report lists the approved verdict with its author and approver.
  const download = ownerSide.page.waitForEvent('download');
  await ownerSide.page.getByRole('link', { name: 'Markdown' }).click();
  const markdown = readFileSync((await (await download).path())!, 'utf8');
  expect(markdown).toContain('cinq millions de projectiles');
  expect(markdown).toContain(SOURCE_URL);
  expect(markdown).toContain(`Vérifié par ${reviewer.name}, approuvé par ${owner.name}`);

  await ownerSide.context.close();
  await reviewerSide.context.close();
  await room.dispose();
});

test('a reader whose live connection dropped catches up when it comes back', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner, reviewer } = room.members;
  const ownerSide = await browserAs(browser, owner);
  await ownerSide.page.goto(`/articles/${room.articleId}`);
  await expect(ownerSide.page.getByTestId('viewers')).toBeVisible();
  const unit = ownerSide.page.locator('.fd-unit[data-index="0"]');
  await expect(unit).not.toHaveAttribute('data-state', 'in_review');

  // Drop the page's connections (the live stream included), then change something meanwhile.
  await ownerSide.page.evaluate(() => window.stop());
  const [first] = (await sentencesOf(reviewer, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const draft = await reviewer.api.put(`/api/v1/sentences/${first!.id}/verdict`, {
    data: { rating: 'true', sources: [{ url: SOURCE_URL }] },
  });
  expect(draft.status()).toBe(200);
  expect((await reviewer.api.post(`/api/v1/sentences/${first!.id}/verdict/submit`)).status()).toBe(
    200,
  );

  // The reader reconnects by itself and refetches what it missed.
  await expect(unit).toHaveAttribute('data-state', 'in_review', { timeout: 20_000 });
  await ownerSide.context.close();
  await room.dispose();
});

test('the event stream replays what a client missed, from its Last-Event-ID', async () => {
  const room = await createNewsroom();
  const { owner, reviewer } = room.members;
  const [first, second] = (await sentencesOf(owner, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const comment = async (sentenceId: string, body: string) =>
    expect(
      (
        await reviewer.api.post(`/api/v1/sentences/${sentenceId}/comments`, { data: { body } })
      ).status(),
    ).toBe(201);

  // Read one event, remember its id, disconnect.
  const url = `${SECOND_INSTANCE}/api/v1/articles/${room.articleId}/events`;
  const firstId = await readEvents(
    url,
    owner.token,
    null,
    async () => {
      await comment(first!.id, 'Premier');
    },
    1,
  );
  // Changes while disconnected.
  await comment(second!.id, 'Deuxième');
  await comment(second!.id, 'Troisième');
  // Reconnect with Last-Event-ID: the missed ones come first, in order.
  const replayed: { id: string; data: { type: string; sentenceId: string } }[] = [];
  await readEvents(url, owner.token, firstId.at(-1)!.id, async () => {}, 2, replayed);
  expect(replayed.map((e) => [e.data.type, e.data.sentenceId])).toEqual([
    ['comment.create', second!.id],
    ['comment.create', second!.id],
  ]);
  expect(Number(replayed[0]!.id)).toBeGreaterThan(Number(firstId.at(-1)!.id));
  await room.dispose();
});

/** Reads `count` change events from an SSE stream (presence events skipped), then disconnects. */
async function readEvents(
  url: string,
  token: string,
  lastEventId: string | null,
  afterOpen: () => Promise<void>,
  count: number,
  into: { id: string; data: { type: string; sentenceId: string } }[] = [],
) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'text/event-stream',
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let opened = false;
  const deadline = Date.now() + 15_000;
  while (into.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    if (!opened) {
      opened = true;
      await afterOpen();
    }
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data) into.push({ id, data: JSON.parse(data) });
    }
  }
  controller.abort();
  expect(into.length).toBe(count);
  return into;
}
