// Nothing typed is lost: a half-written verdict survives a reload and reaches another device; a
// panel opened offline still takes a verdict; a highlight made offline turns normal once sent;
// two tabs on one verdict compare their versions; the panel's messages follow the state.
import { expect, test, type Page } from '@playwright/test';
import {
  browserAs,
  createMember,
  createNewsroom,
  sentencesOf,
  SEED_TEXT,
} from '../fixtures/newsroom';
import { selectWithMouse } from '../fixtures/selection';
import type { Member } from '../fixtures/newsroom';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Phrase sélectionnée' });

async function checkable(member: Member, articleId: string) {
  return (await sentencesOf(member, articleId)).filter((s) => s.kind === 'sentence');
}

async function myVerdict(member: Member, sentenceId: string) {
  const response = await member.api.get(`/api/v1/sentences/${sentenceId}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    verdicts: {
      id: string;
      author: { id: string };
      rating: string;
      rationale: string;
      status: string;
      version: number;
    }[];
  };
  return body.verdicts.find((v) => v.author.id === member.id) ?? null;
}

test('a half-written verdict survives a reload, warns before leaving, and opens on another device', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner } = room.members;
  const [sentence] = await checkable(owner, room.articleId);
  const { context, page } = await browserAs(browser, owner);
  await page.goto(`/articles/${room.articleId}`);
  await page.locator(`#unit-${sentence!.id}`).click();
  const panel = panelOf(page);
  await panel.getByRole('radio', { name: 'Faux', exact: true }).check();
  await panel.getByLabel('Justification').fill('Le traité ne dit pas cela.');
  await panel.getByRole('button', { name: '+ Ajouter une source' }).click();
  await panel.getByLabel('URL de la source 1').fill('https://www.example.org/traite');

  // Reloaded at once, before any save reached the server: the device kept it all. Leaving
  // asks first (beforeunload), since the server does not have it yet.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toContain('beforeunload');
  await page.locator(`#unit-${sentence!.id}`).click();
  await expect(panel.getByRole('radio', { name: 'Faux', exact: true })).toBeChecked();
  await expect(panel.getByLabel('Justification')).toHaveValue('Le traité ne dit pas cela.');
  await expect(panel.getByLabel('URL de la source 1')).toHaveValue(
    'https://www.example.org/traite',
  );
  await expect(panel.getByText('Brouillon retrouvé sur cet appareil')).toBeVisible();

  // Then saved to the server by itself, as my draft, with nothing pressed.
  await expect(panel.getByTestId('save-state')).toHaveAttribute('data-saved', 'server', {
    timeout: 15_000,
  });
  const stored = await myVerdict(owner, sentence!.id);
  expect(stored).toMatchObject({
    rating: 'false',
    rationale: 'Le traité ne dit pas cela.',
    status: 'draft',
  });

  // Another device (a fresh browser context) opens the same draft.
  const other = await browserAs(browser, owner);
  await other.page.goto(`/articles/${room.articleId}`);
  await other.page.locator(`#unit-${sentence!.id}`).click();
  await expect(panelOf(other.page).getByLabel('Justification')).toHaveValue(
    'Le traité ne dit pas cela.',
  );
  await expect(panelOf(other.page).getByRole('radio', { name: 'Faux', exact: true })).toBeChecked();
  await other.context.close();
  await context.close();
  await room.dispose();
});

test('offline: a panel opened offline takes a verdict and a comment; a highlight made offline turns normal once sent, without a reload', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner } = room.members;
  const sentences = await checkable(owner, room.articleId);
  const { context, page } = await browserAs(browser, owner);
  await page.goto(`/articles/${room.articleId}`);
  // A panel opened while online…
  const opened = sentences[0]!;
  await page.locator(`#unit-${opened.id}`).click();
  const panel = panelOf(page);
  await expect(panel.locator('blockquote')).toHaveText(opened.text);
  await page.keyboard.press('Escape');

  await context.setOffline(true);
  // …opens again offline with what it had loaded.
  await page.locator(`#unit-${opened.id}`).click();
  await expect(panel.getByTestId('panel-offline')).toBeVisible();
  await expect(panel.locator('blockquote')).toHaveText(opened.text);
  await expect(panel.getByRole('radio', { name: 'Vrai', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // A sentence never opened before: its text and the verdict form, not « Chargement… ».
  const target = sentences[2]!;
  await page.locator(`#unit-${target.id}`).click();
  await expect(panel.getByTestId('panel-offline')).toBeVisible();
  await expect(panel.locator('blockquote')).toHaveText(target.text);
  await panel.getByRole('radio', { name: 'Trompeur', exact: true }).check();
  await panel.getByLabel('Justification').fill('Écrit hors ligne.');
  await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(panel.getByText(/enregistré sur cet appareil/).first()).toBeVisible();
  await panel.getByLabel('Ajouter un commentaire').fill('Commentaire hors ligne.');
  await panel.getByRole('form', { name: 'Nouveau commentaire' }).getByRole('button').click();
  await expect(page.getByTestId('offline-status')).toContainText('Commentaire');

  // A highlight, offline: painted at once, marked pending.
  const phrase = 'cinq millions de projectiles';
  await page.keyboard.press('Escape');
  await selectWithMouse(page, phrase);
  await page
    .getByRole('toolbar', { name: 'Sélection' })
    .getByRole('button', { name: 'Surligner' })
    .click();
  const mark = page.locator('mark.fd-highlight', { hasText: phrase });
  await expect(mark).toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('offline-status')).toContainText('Surlignage');
  await expect(page.getByTestId('offline-status')).toContainText('Verdict');

  await context.setOffline(false);
  // Sent, and turned normal as soon as the server answered: no reload, no two-minute wait.
  await expect(mark).toHaveAttribute('data-pending', 'false', { timeout: 15_000 });
  await expect(page.locator('mark.fd-highlight[data-pending="true"]')).toHaveCount(0);
  await expect(page.getByTestId('offline-status')).toContainText('envoyées au serveur');
  await expect(page.getByTestId('offline-status')).toContainText('Surlignage');
  const stored = await myVerdict(owner, target.id);
  expect(stored).toMatchObject({ rating: 'misleading', rationale: 'Écrit hors ligne.' });
  const comments = (await (
    await owner.api.get(`/api/v1/sentences/${target.id}/comments`)
  ).json()) as { comments: { body: string }[] };
  expect(comments.comments.map((c) => c.body)).toContain('Commentaire hors ligne.');
  await context.close();
  await room.dispose();
});

test('two tabs on one verdict: both versions side by side, « Garder ma version » keeps mine on top of theirs', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { owner } = room.members;
  const [, sentence] = await checkable(owner, room.articleId);
  // A submitted verdict: it changes only when « Enregistrer » is pressed (no autosave).
  const put = await owner.api.put(`/api/v1/sentences/${sentence!.id}/verdict`, {
    data: { rating: 'mostly_true', rationale: 'Version soumise.' },
  });
  expect(put.status()).toBe(200);
  const { version } = (await put.json()) as { version: number };
  const sent = await owner.api.post(`/api/v1/sentences/${sentence!.id}/verdict/submit`, {
    data: { version },
  });
  expect(sent.status()).toBe(200);

  const { context, page: first } = await browserAs(browser, owner);
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(`/articles/${room.articleId}`);
    await page.locator(`#unit-${sentence!.id}`).click();
    await expect(panelOf(page).getByLabel('Justification')).toHaveValue('Version soumise.');
  }
  // The second tab starts changing it…
  const panel = panelOf(second);
  await panel.getByRole('radio', { name: 'Faux', exact: true }).check();
  await panel.getByLabel('Justification').fill('Version du second onglet.');
  // …while the first tab saves its own change.
  await panelOf(first).getByLabel('Justification').fill('Version du premier onglet.');
  await panelOf(first).getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(panelOf(first).getByText('Verdict enregistré.')).toBeVisible();

  // The second tab is told (live, or by a 409 when it saves) and sees both versions.
  await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  const compare = panel.getByTestId('verdict-compare');
  await expect(compare).toBeVisible();
  await expect(compare.getByTestId('compare-mine')).toContainText('Version du second onglet.');
  await expect(compare.getByTestId('compare-mine')).toContainText('Faux');
  await expect(compare.getByTestId('compare-current')).toContainText('Version du premier onglet.');
  // My text is still in the form while I choose.
  await expect(panel.getByLabel('Justification')).toHaveValue('Version du second onglet.');
  await compare.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(panel.getByText('Votre version est enregistrée.')).toBeVisible();
  await expect(compare).toHaveCount(0);
  expect(await myVerdict(owner, sentence!.id)).toMatchObject({
    rating: 'false',
    rationale: 'Version du second onglet.',
  });
  await context.close();
  await room.dispose();
});

test('the panel’s messages follow the state: « Choisissez un verdict » goes once one is chosen; « soumis » goes once approved', async ({
  browser,
}) => {
  const room = await createNewsroom();
  const { reviewer, owner } = room.members;
  const [, , , sentence] = await checkable(owner, room.articleId);
  const { context, page } = await browserAs(browser, reviewer);
  await page.goto(`/articles/${room.articleId}`);
  await page.locator(`#unit-${sentence!.id}`).click();
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(panel.getByText('Choisissez un verdict.')).toBeVisible();
  await panel.getByRole('radio', { name: 'Plutôt vrai', exact: true }).check();
  await expect(panel.getByText('Choisissez un verdict.')).toHaveCount(0);

  await panel.getByLabel('Justification').fill('Conforme au communiqué.');
  await panel.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  const submitted = panel.getByText('Verdict soumis : un·e autre membre va le relire.');
  await expect(submitted).toBeVisible();

  // The owner approves it elsewhere: the message about waiting goes, the state says approved.
  const verdict = (await myVerdict(reviewer, sentence!.id))!;
  const approved = await owner.api.post(`/api/v1/verdicts/${verdict.id}/approve`, {
    data: { version: verdict.version },
  });
  expect(approved.status()).toBe(200);
  await expect(panel.getByTestId('my-verdict-status')).toContainText('Approuvé', {
    timeout: 15_000,
  });
  await expect(submitted).toHaveCount(0);
  await context.close();
  await room.dispose();
});

test('alone in a team, submitting says nobody else can approve yet', async ({ browser }) => {
  const solo = await createMember('Sola Seule');
  const team = await solo.api.post('/api/v1/teams', { data: { name: `Solo ${Date.now()}` } });
  const { id: teamId } = (await team.json()) as { id: string };
  const created = await solo.api.post('/api/v1/articles', {
    data: { teamId, text: SEED_TEXT, language: 'fr' },
  });
  const { id: articleId } = (await created.json()) as { id: string };
  const [sentence] = await checkable(solo, articleId);
  const { context, page } = await browserAs(browser, solo);
  await page.goto(`/articles/${articleId}`);
  await page.locator(`#unit-${sentence!.id}`).click();
  const panel = panelOf(page);
  await panel.getByRole('radio', { name: 'Vrai', exact: true }).check();
  await panel.getByRole('button', { name: 'Soumettre pour relecture' }).click();
  await expect(panel.getByText(/Personne d’autre dans l’équipe ne peut l’approuver/)).toBeVisible();
  await expect(panel.getByText('un·e autre membre va le relire')).toHaveCount(0);
  await context.close();
  await solo.api.dispose();
  await solo.session.dispose();
});
