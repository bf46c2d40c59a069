// What an import leaves out of the text to check: the byline and dateline at the top are read
// into the article's author and date, and in-article promotions (« Sponsored: … Click here! »,
// newsletter boxes) are dropped — pasted in the import form, or sent as HTML through the API.
import { expect, test } from '@playwright/test';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

const FIRST = 'Le traité a été signé le 19 juin 2024 à Pyongyang par les deux dirigeants.';
const SECOND = 'Il prévoit une aide mutuelle en cas d’agression contre l’une des parties.';
const THIRD = 'Les deux parlements doivent encore le ratifier avant la fin de l’année.';

test('a pasted article: byline and date become metadata, the ad and the newsletter box go', async ({
  browser,
}) => {
  const room = await createNewsroom('Import nettoyé');
  const { page, context } = await browserAs(browser, room.members.editor);
  await page.goto('/articles/new');
  await page.getByRole('radio', { name: 'Coller le texte' }).check();
  await page
    .getByLabel('Texte de l’article')
    .fill(
      [
        'Le pacte Russie–Corée du Nord',
        'Par Jean Dupont — 14 mars 2025',
        'Publié le 14 mars 2025 à 10 h 30',
        FIRST,
        'Sponsored: Try FooVPN today. Click here!',
        SECOND,
        'Inscrivez-vous à notre newsletter',
        THIRD,
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Importer l’article' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Le pacte Russie–Corée du Nord' }),
  ).toBeVisible();
  // The reader shows the metadata read from the byline, and none of the removed lines.
  await expect(page.getByText('Jean Dupont · 14 mars 2025')).toBeVisible();
  const text = page.locator('[data-article-text]');
  await expect(text).toContainText(FIRST);
  await expect(text).toContainText(THIRD);
  for (const gone of ['Par Jean Dupont', 'Publié le', 'Sponsored', 'Click here', 'newsletter']) {
    await expect(text).not.toContainText(gone);
  }

  const articleId = /\/articles\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(articleId).toBeTruthy();
  const response = await room.members.editor.api.get(`/api/v1/articles/${articleId}`);
  const article = (await response.json()) as { author: string; publishedAt: string };
  expect(article).toMatchObject({ author: 'Jean Dupont', publishedAt: '2025-03-14' });
  const units = await sentencesOf(room.members.editor, articleId!);
  expect(units.map((unit) => [unit.kind, unit.text])).toEqual([
    ['heading', 'Le pacte Russie–Corée du Nord'],
    ['sentence', FIRST],
    ['sentence', SECOND],
    ['sentence', THIRD],
  ]);

  await context.close();
  await room.dispose();
});

test('through the API: an HTML page’s byline and ad box; explicit metadata wins', async () => {
  const room = await createNewsroom('Import API nettoyé');
  const { api } = room.members.editor;
  const html = `<!doctype html><html lang="en"><head><title>The pact</title></head><body>
    <article><h1>The pact</h1>
    <p class="byline">By Jane Doe — March 14, 2025</p>
    <p>The treaty was signed on June 19, 2024 in Pyongyang by both leaders.</p>
    <aside><p>Advertisement</p><p>Try FooVPN free for 30 days. <a href="/x">Click here</a>!</p></aside>
    <p>It provides for mutual assistance if either party is attacked.</p>
    <div><p>Subscribe to our newsletter</p></div>
    </article></body></html>`;
  const created = await api.post('/api/v1/articles', { data: { teamId: room.teamId, html } });
  expect(created.status()).toBe(201);
  const article = (await created.json()) as {
    author: string | null;
    publishedAt: string | null;
    text: string;
    sentences: { text: string }[];
  };
  expect(article).toMatchObject({ author: 'Jane Doe', publishedAt: '2025-03-14' });
  expect(article.sentences.map((unit) => unit.text)).toEqual([
    'The treaty was signed on June 19, 2024 in Pyongyang by both leaders.',
    'It provides for mutual assistance if either party is attacked.',
  ]);
  expect(article.text).not.toMatch(/Jane Doe|Advertisement|FooVPN|newsletter/);

  // Given explicitly, the author and date are kept; the byline line still leaves the text.
  const explicit = await api.post('/api/v1/articles', {
    data: {
      teamId: room.teamId,
      text: `Par Jean Dupont — 14 mars 2025\n${FIRST}`,
      author: 'La rédaction',
      publishedAt: '2025-03-15',
    },
  });
  expect(explicit.status()).toBe(201);
  expect(await explicit.json()).toMatchObject({
    author: 'La rédaction',
    publishedAt: '2025-03-15',
    text: FIRST,
  });

  // A sentence that merely mentions advertising or a date is news, and stays.
  const news = 'Par ailleurs, la publicité en ligne a rapporté 9 milliards d’euros en 2024.';
  const kept = await api.post('/api/v1/articles', { data: { teamId: room.teamId, text: news } });
  expect(kept.status()).toBe(201);
  expect(await kept.json()).toMatchObject({ author: null, publishedAt: null, text: news });

  await room.dispose();
});
