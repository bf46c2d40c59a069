// Stored XSS: script-like payloads saved through the API in every free-text field a person can
// fill (highlight note, verdict rationale, source title/publisher/excerpt, comment and reply,
// imported text and HTML, article title, team name, member name, token name) are shown as inert
// text on every page that displays them, in Chromium: no dialog opens, `window.__xss` stays
// undefined, no element carries an event-handler attribute or a `javascript:`/`data:` link, and
// the payload's characters are visible as written. `javascript:`/`data:` URLs are refused by
// the API before they could ever become links.
import { expect, test, type Page } from '@playwright/test';
import { browserAs, createMember, type Member } from '../fixtures/newsroom';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
  '</textarea><script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">x</a>',
] as const;
const [SCRIPT, IMG, SVG, JS_URL, TEMPLATE, TEXTAREA, ANCHOR] = PAYLOADS;
const ALL = PAYLOADS.join(' ');

const NAMES = {
  owner: `Olga ${IMG}`,
  reviewer: `Rita ${SVG}`,
  viewer: `Vic ${SCRIPT}`,
};
const TEAM_NAME = `Rédaction ${TEXTAREA} ${TEMPLATE}`;
const TITLE = `Titre ${SCRIPT} ${IMG}`;

/** One payload per sentence, each with a figure so that it is worth checking. */
const ARTICLE_TEXT = [
  `Zorglub affirme que ${SCRIPT} coûte 42 millions d’euros.`,
  `Le maire a dit ${IMG} devant 300 personnes hier soir.`,
  `Selon l’INSEE, ${SVG} la dette atteint 3 000 milliards.`,
  `Le lien ${JS_URL} circule depuis 2023.`,
  `Un modèle ${TEMPLATE} a été publié le 5 mars 2024.`,
  `Le formulaire ${TEXTAREA} est resté ouvert 12 jours.`,
  `Le site ${ANCHOR} affiche 12 % de hausse.`,
].join('\n');

const ESCAPED = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The payloads as real markup, and the same as escaped text (which must come out as text). */
const ARTICLE_HTML = `<!doctype html>
<html lang="fr"><head><title>Page ${SCRIPT}</title>
<meta property="og:url" content="javascript:window.__xss=1">
<script>window.__xss=1</script></head>
<body onload="window.__xss=1"><article>
<h1>Enquête sur les livraisons de munitions</h1>
<p>Les livraisons ont atteint 42 millions d’obus en 2024, selon le ministère de la défense.</p>
<script>window.__xss=1</script>
<p>Le maire <img src=x onerror="window.__xss=1"> a parlé <svg onload="window.__xss=1"></svg> devant 300 personnes.</p>
<p>Voir <a href="javascript:window.__xss=1">ce lien douteux</a> pour les 12 détails du contrat.</p>
<p>Texte échappé : ${ESCAPED(SCRIPT)} et ${ESCAPED(IMG)} restent du texte en 2024.</p>
<p><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>Un cadre a été retiré de 5 pages.</p>
<form action="javascript:window.__xss=1"><textarea>${ESCAPED(TEXTAREA)}</textarea></form>
<p>Le modèle ${TEMPLATE} circule depuis le 5 mars 2024.</p>
</article></body></html>`;

interface World {
  owner: Member;
  reviewer: Member;
  viewer: Member;
  teamId: string;
  textArticle: string;
  htmlArticle: string;
  /** The sentence with every annotation, verdict and comment. */
  sentence: string;
  /** The sentence the reviewer submitted a verdict on (awaits the owner's approval). */
  toReview: string;
  /** The sentence assigned to the owner. */
  assigned: string;
  tokenNames: string[];
}

async function ok<T>(response: Awaited<ReturnType<Member['api']['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

async function buildWorld(): Promise<World> {
  const [owner, reviewer, viewer] = await Promise.all([
    createMember(NAMES.owner),
    createMember(NAMES.reviewer),
    createMember(NAMES.viewer),
  ]);
  const { id: teamId } = await ok<{ id: string }>(
    await owner.api.post('/api/v1/teams', { data: { name: TEAM_NAME } }),
  );
  for (const [member, role] of [
    [reviewer, 'reviewer'],
    [viewer, 'viewer'],
  ] as const) {
    const { token } = await ok<{ token: string }>(
      await owner.api.post(`/api/v1/teams/${teamId}/invitations`, { data: { role } }),
    );
    await ok(await member.api.post(`/api/v1/invitations/${token}/accept`));
  }

  const text = await ok<{ id: string; version: number; sentences: Sentence[] }>(
    await owner.api.post('/api/v1/articles', {
      data: { teamId, text: ARTICLE_TEXT, language: 'fr', author: NAMES.viewer, publisher: SVG },
    }),
  );
  await ok(
    await owner.api.patch(`/api/v1/articles/${text.id}`, {
      data: { title: TITLE, version: text.version },
    }),
  );
  const html = await ok<{ id: string }>(
    await owner.api.post('/api/v1/articles', { data: { teamId, html: ARTICLE_HTML } }),
  );

  const sentences = text.sentences.filter((s) => s.kind === 'sentence');
  const [first, second, third] = sentences;
  expect(first!.text).toContain(SCRIPT);

  // a highlight with a note
  const quote = 'Zorglub affirme';
  await ok(
    await owner.api.post(`/api/v1/articles/${text.id}/annotations`, {
      data: {
        selector: [
          { type: 'TextQuoteSelector', exact: quote },
          { type: 'TextPositionSelector', start: first!.start, end: first!.start + quote.length },
        ],
        note: `Note ${ALL}`,
      },
    }),
  );
  // a sourced verdict by the reviewer, approved by the owner: published, so in the report too
  await ok(
    await reviewer.api.put(`/api/v1/sentences/${first!.id}/verdict`, {
      data: {
        rating: 'false',
        rationale: `Justification\n${PAYLOADS.join('\n')}`,
        sources: [
          {
            url: 'https://example.org/source?q=%3Cscript%3Ewindow.__xss=1%3C/script%3E',
            title: `Source ${SCRIPT}`,
            publisher: `Éditeur ${IMG}`,
            publishedAt: '2024-06-24',
            excerpt: `Extrait ${ALL}`,
          },
        ],
      },
    }),
  );
  const verdict = await ok<{ id: string; version: number }>(
    await reviewer.api.post(`/api/v1/sentences/${first!.id}/verdict/submit`),
  );
  await ok(
    await owner.api.post(`/api/v1/verdicts/${verdict.id}/approve`, {
      data: { version: verdict.version },
    }),
  );
  // a comment, and a reply to it
  const comment = await ok<{ id: string }>(
    await viewer.api.post(`/api/v1/sentences/${first!.id}/comments`, {
      data: { body: `Commentaire ${SCRIPT}` },
    }),
  );
  await ok(
    await owner.api.post(`/api/v1/sentences/${first!.id}/comments`, {
      data: { body: `Réponse ${IMG} ${ANCHOR}`, parentId: comment.id },
    }),
  );
  // the owner's queue: a verdict to review, a sentence assigned
  await ok(
    await reviewer.api.put(`/api/v1/sentences/${second!.id}/verdict`, {
      data: { rating: 'true', rationale: TEXTAREA },
    }),
  );
  await ok(await reviewer.api.post(`/api/v1/sentences/${second!.id}/verdict/submit`));
  await ok(
    await owner.api.put(`/api/v1/sentences/${third!.id}/assignee`, {
      data: { userId: owner.id },
    }),
  );
  // tokens named after the payloads
  const tokenNames = PAYLOADS.map((payload, i) => `Jeton ${i} ${payload}`);
  for (const name of tokenNames) {
    await ok(await owner.session.post('/api/v1/tokens', { data: { name } }));
  }
  return {
    owner,
    reviewer,
    viewer,
    teamId,
    textArticle: text.id,
    htmlArticle: html.id,
    sentence: first!.id,
    toReview: second!.id,
    assigned: third!.id,
    tokenNames,
  };
}

interface Sentence {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
}

/**
 * Opens `path` as the owner and checks it is inert: no dialog, no `window.__xss`, no event
 * handler attribute, no `javascript:`/`data:` link; `visible` are texts that must be shown as
 * written (within `scope` when given).
 */
async function expectInert(
  page: Page,
  path: string,
  visible: (string | { within: string; text: string })[],
) {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  try {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    for (const item of visible) {
      const locator =
        typeof item === 'string'
          ? page.getByText(item, { exact: false })
          : page.locator(item.within).getByText(item.text, { exact: false });
      // Visible ones only: a name also sits in a filter's hidden <option>s.
      await expect(
        locator.filter({ visible: true }).first(),
        `${path} shows ${JSON.stringify(item)} as text`,
      ).toBeVisible();
    }
    // An injected <img onerror> fires in the very task that marks its image broken (HTML's
    // "update the image data"): once every image of the page is complete, its handler has had
    // its chance. (Not "networkidle": the reader's live EventSource keeps a request open.)
    // Whatever the timing, the scan below finds any handler attribute that reached the DOM.
    await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
    expect(dialogs, `${path}: dialogs opened`).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
      `${path}: window.__xss`,
    ).toBeUndefined();
    const injected = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          const value = attribute.value.trim().toLowerCase();
          if (name.startsWith('on')) found.push(`<${element.localName} ${name}>`);
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(name) &&
            (value.startsWith('javascript:') || value.startsWith('data:text/html'))
          ) {
            found.push(`<${element.localName} ${name}="${attribute.value}">`);
          }
        }
      }
      return found;
    });
    expect(injected, `${path}: elements with handlers or script URLs`).toEqual([]);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await expect(page.locator('a[href^="data:" i]')).toHaveCount(0);
  } finally {
    page.off('dialog', onDialog);
  }
}

test.describe('stored XSS payloads are shown as inert text', () => {
  test.describe.configure({ mode: 'default' });
  let world: World;
  let page: Page;
  let close: () => Promise<void>;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    world = await buildWorld();
    const signedIn = await browserAs(browser, world.owner);
    page = signedIn.page;
    close = () => signedIn.context.close();
  });

  test.afterAll(async () => {
    await close?.();
    await Promise.all([world.owner, world.reviewer, world.viewer].map((m) => m.api.dispose()));
  });

  test('the API refuses javascript: and data: URLs', async () => {
    const { owner } = world;
    const refused = [
      'javascript:window.__xss=1',
      'JavaScript:window.__xss=1',
      ' javascript:window.__xss=1',
      'javascript://example.org/%0Awindow.__xss=1',
      'data:text/html,<script>window.__xss=1</script>',
      'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
      'vbscript:window.__xss=1',
    ];
    const sentence = (
      await ok<{ sentences: Sentence[] }>(
        await owner.api.get(`/api/v1/articles/${world.htmlArticle}`),
      )
    ).sentences.find((s) => s.kind === 'sentence')!.id;
    for (const url of refused) {
      const calls = [
        owner.api.put(`/api/v1/sentences/${sentence}/verdict`, {
          data: { rating: 'true', sources: [{ url }] },
        }),
        owner.api.post('/api/v1/articles', {
          data: { teamId: world.teamId, text: 'Une phrase de 12 mots.', sourceUrl: url },
        }),
        owner.api.post('/api/v1/articles', { data: { teamId: world.teamId, url } }),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.status(), `${response.url()} with ${url}`).toBe(422);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'validation_failed',
        );
      }
    }
  });

  test('reader, with the panel open on the sentence: title, text, note, verdict, sources, comments', async () => {
    const panel = 'aside[aria-label="Phrase sélectionnée"]';
    const comments = 'ul[aria-label="Fil de commentaires"]';
    await expectInert(page, `/articles/${world.textArticle}?sentence=${world.sentence}`, [
      { within: 'h1', text: TITLE },
      `Zorglub affirme que ${SCRIPT}`,
      `Le maire a dit ${IMG}`,
      `Le site ${ANCHOR}`,
      { within: panel, text: `Note ${SCRIPT}` },
      { within: panel, text: JS_URL },
      { within: `${panel} [data-testid="final-verdict"]`, text: TEXTAREA },
      { within: `${panel} [data-testid="final-verdict"]`, text: TEMPLATE },
      { within: `${panel} [data-testid="final-verdict"] a`, text: `Source ${SCRIPT}` },
      { within: `${panel} [data-testid="final-verdict"]`, text: `Éditeur ${IMG}` },
      { within: comments, text: `Commentaire ${SCRIPT}` },
      { within: comments, text: `Réponse ${IMG} ${ANCHOR}` },
      { within: comments, text: NAMES.viewer },
    ]);
  });

  test('reader of the imported HTML: the escaped payloads are text, the markup is gone', async () => {
    await expectInert(page, `/articles/${world.htmlArticle}`, [
      `Texte échappé : ${SCRIPT} et ${IMG} restent du texte`,
      'ce lien douteux',
      TEMPLATE,
    ]);
    await expect(page.getByText('window.__xss=1">ce lien')).toHaveCount(0);
  });

  test('article list, team list and team page (name, members)', async () => {
    await expectInert(page, '/', [TITLE]);
    await expectInert(page, '/teams', [TEAM_NAME]);
    await expectInert(page, `/teams/${world.teamId}`, [
      { within: 'h1', text: TEAM_NAME },
      NAMES.owner,
      NAMES.reviewer,
      NAMES.viewer,
    ]);
  });

  test('team journal', async () => {
    await expectInert(page, `/teams/${world.teamId}/audit`, [NAMES.viewer]);
  });

  test('queue: the sentence assigned and the verdict to review', async () => {
    await expectInert(page, '/queue', [`Le maire a dit ${IMG}`, `Selon l’INSEE, ${SVG}`, TITLE]);
  });

  test('search results for a word of the payload sentence', async () => {
    await expectInert(page, '/search?q=Zorglub', ['Zorglub', SCRIPT]);
  });

  test('tokens page', async () => {
    await expectInert(page, '/settings/tokens', world.tokenNames);
  });

  test('printable HTML report', async () => {
    await expectInert(page, `/api/v1/articles/${world.textArticle}/report?format=html&download=0`, [
      TITLE,
      `Zorglub affirme que ${SCRIPT}`,
      TEXTAREA,
      `Source ${SCRIPT}`,
      `Éditeur ${IMG}`,
      NAMES.reviewer,
      NAMES.owner,
    ]);
  });
});
