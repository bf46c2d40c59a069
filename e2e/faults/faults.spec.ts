// Crashes and outages lose nothing:
// - a `next start` killed with SIGKILL in the middle of a burst of writes, then restarted:
//   every write that got a 2xx is there and whole; nothing anywhere is half-written;
// - PostgreSQL stopped: the API answers 503 database_unavailable within 5 s; the reader keeps
//   the user's edits on the device, says so, and stores each exactly once when it is back.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { selectWithMouse } from '../fixtures/selection';
import { startStack, type Stack } from './stack';

const SEED_TEXT = readFileSync(path.join(process.cwd(), 'prisma', 'seed', 'seed-fr.txt'), 'utf8');
const PASSWORD = 'mot-de-passe-solide';

async function owner(baseURL: string) {
  const api = await playwrightRequest.newContext({ baseURL });
  const email = `panne-${randomUUID()}@test.factdesk`;
  expect(
    (
      await api.post('/api/v1/signup', {
        data: { email, name: 'Odette Panne', password: PASSWORD },
      })
    ).status(),
  ).toBe(201);
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect(
    (
      await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password: PASSWORD, json: 'true' },
      })
    ).ok(),
  ).toBe(true);
  const team = (await (
    await api.post('/api/v1/teams', { data: { name: 'Rédaction en panne' } })
  ).json()) as { id: string };
  const article = (await (
    await api.post('/api/v1/articles', {
      data: { teamId: team.id, text: SEED_TEXT, language: 'fr' },
    })
  ).json()) as { id: string; sentences: { id: string; kind: string; text: string }[] };
  return { api, email, article };
}

/** Writes acknowledged before the app is killed: the burst is well under way, not starting. */
const ACKNOWLEDGED_BEFORE_KILL = 20;

/**
 * The writes waiting in the device's offline queue (lib/offline/queue.ts: IndexedDB database
 * `factdesk-offline`, store `writes`), oldest first: what a reload or a new tab reads back.
 */
async function deviceQueue(page: Page): Promise<{ key: string; label: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ key: string; label: string }[]>((resolve, reject) => {
        const open = indexedDB.open('factdesk-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('writes', 'readonly').objectStore('writes').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const writes: { key: string; label: string; queuedAt: number }[] = all.result;
            writes.sort((a, b) => a.queuedAt - b.queuedAt);
            resolve(writes.map(({ key, label }) => ({ key, label })));
          };
        };
      }),
  );
}

async function withStack(run: (stack: Stack) => Promise<void>) {
  const stack = await startStack();
  try {
    await run(stack);
  } finally {
    await stack.stop();
  }
}

test('SIGKILL mid-burst: every acknowledged write is stored whole, nothing is half-written', async () => {
  await withStack(async (stack) => {
    const { api, article } = await owner(stack.baseURL);
    const checkable = article.sentences.filter((s) => s.kind === 'sentence');
    const words = [...new Set(SEED_TEXT.match(/\p{L}{6,}/gu))].slice(0, 200);
    const acknowledged = { annotations: [] as string[], verdicts: [] as string[] };
    let stop = false;

    const writer = async (worker: number, client: APIRequestContext) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 2 === 0) {
            const word = words[(worker * 31 + i) % words.length]!;
            const start = SEED_TEXT.indexOf(word);
            const response = await client.post(`/api/v1/articles/${article.id}/annotations`, {
              data: {
                selector: [
                  { type: 'TextQuoteSelector', exact: word },
                  { type: 'TextPositionSelector', start, end: start + word.length },
                ],
                note: `w${worker}-${i}`,
              },
              timeout: 5000,
            });
            if (response.status() === 201)
              acknowledged.annotations.push(((await response.json()) as { id: string }).id);
          } else {
            const sentence = checkable[(worker + i) % checkable.length]!;
            const current = (await (
              await client.get(`/api/v1/sentences/${sentence.id}`)
            ).json()) as { verdicts: { version: number; author: { id: string } }[] };
            const mine = current.verdicts[0];
            const response = await client.put(`/api/v1/sentences/${sentence.id}/verdict`, {
              data: {
                rating: 'false',
                rationale: `w${worker}-${i}`,
                sources: [{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }],
                ...(mine ? { version: mine.version } : {}),
              },
              timeout: 5000,
            });
            if (response.status() === 200)
              acknowledged.verdicts.push(((await response.json()) as { id: string }).id);
          }
        } catch {
          if (stop) return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, worker) => writer(worker, api));
    // Killed once the burst is under way (writes acknowledged, the 8 writers still sending),
    // however fast or slow this machine is: no fixed delay to guess.
    await expect
      .poll(() => acknowledged.annotations.length + acknowledged.verdicts.length, {
        timeout: 30_000,
        intervals: [50],
      })
      .toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
    await stack.killApp();
    stop = true;
    await Promise.all(workers);
    expect(acknowledged.annotations.length + acknowledged.verdicts.length).toBeGreaterThan(10);

    await stack.startApp();
    // Every acknowledged write is there, whole.
    const stored = (await (await api.get(`/api/v1/articles/${article.id}/annotations`)).json()) as {
      annotations: { id: string; sentenceIds: string[] }[];
    };
    const storedIds = new Set(stored.annotations.map((a) => a.id));
    for (const id of acknowledged.annotations) expect(storedIds.has(id)).toBe(true);
    // Nothing half-written, acknowledged or not: links, sources and audit events go together.
    const [noLinks] = await stack.query<{ n: string }>(
      `SELECT count(*) AS n FROM annotations a WHERE NOT EXISTS (SELECT 1 FROM annotation_sentences l WHERE l.annotation_id = a.id)`,
    );
    expect(Number(noLinks!.n)).toBe(0);
    const [noAudit] = await stack.query<{ n: string }>(
      `SELECT count(*) AS n FROM annotations a WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_id = a.id AND e.action = 'annotation.create')`,
    );
    expect(Number(noAudit!.n)).toBe(0);
    const verdicts = await stack.query<{
      id: string;
      version: number;
      sources: string;
      events: string;
    }>(
      `SELECT v.id, v.version,
              (SELECT count(*) FROM sources s WHERE s.verdict_id = v.id) AS sources,
              (SELECT count(*) FROM audit_events e WHERE e.entity_id = v.id AND e.action IN ('verdict.create', 'verdict.update')) AS events
         FROM verdicts v JOIN sentences s ON s.id = v.sentence_id WHERE s.article_id = $1`,
      [article.id],
    );
    for (const id of acknowledged.verdicts) expect(verdicts.some((v) => v.id === id)).toBe(true);
    for (const verdict of verdicts) {
      expect(Number(verdict.sources)).toBe(2);
      // One audit event per version written: no change without its record.
      expect(Number(verdict.events)).toBe(verdict.version);
    }
    await api.dispose();
  });
});

test('database outage: 503 within 5 s; edits wait on the device and are stored exactly once', async ({
  browser,
}) => {
  await withStack(async (stack) => {
    const { api, email, article } = await owner(stack.baseURL);
    const claim = article.sentences.find((s) => s.text.includes('cinq millions'))!;
    const context = await browser.newContext({ baseURL: stack.baseURL, locale: 'fr-FR' });
    const page = await context.newPage();
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    await page.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: PASSWORD, json: 'true' },
    });
    await page.goto(`/articles/${article.id}?sentence=${claim.id}`);
    const panel = page.getByRole('complementary', { name: 'Phrase sélectionnée' });
    await expect(panel.getByRole('heading', { name: /^Phrase/ })).toBeVisible();
    await expect(panel.getByRole('radio', { name: 'Faux' })).toBeVisible();

    await stack.db.stop();
    const started = Date.now();
    const down = await api.get('/api/v1/articles', { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.status()).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe(
      'database_unavailable',
    );

    // Edits while the database is down: a verdict, a highlight, a comment.
    await panel.getByRole('radio', { name: 'Faux' }).check();
    await panel.getByLabel('Justification').fill('Écrit pendant la panne.');
    await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
    await expect(panel.getByText(/enregistré sur cet appareil/)).toBeVisible();
    await selectWithMouse(page, 'isolement profond');
    await page
      .getByRole('toolbar', { name: 'Sélection' })
      .getByRole('button', { name: 'Surligner' })
      .click();
    await expect(
      page.locator('mark.fd-highlight', { hasText: 'isolement profond' }),
    ).toHaveAttribute('data-pending', 'true');
    await panel.getByLabel('Ajouter un commentaire').fill('Commentaire pendant la panne');
    await panel.getByRole('button', { name: 'Commenter' }).click();
    const status = page.getByTestId('offline-status');
    await expect(status).toContainText('3 modifications enregistrées sur cet appareil');
    // Kept in IndexedDB, not in the page's memory: what a reload reads back. (The page itself
    // cannot be reloaded here: rendering it needs the database.)
    const queued = await deviceQueue(page);
    expect(queued.map((write) => write.label)).toEqual(['Verdict', 'Surlignage', 'Commentaire']);

    // An impatient second click on « Enregistrer le verdict »: its request is refused (503)
    // like the first, and the device still holds one verdict (the latest state, under the first
    // write's key), not two. The queue's own replays (every few seconds) reuse that key; the
    // click's request is the one with a new key.
    const verdictKey = queued[0]!.key;
    const secondSave = page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' &&
        response.url().endsWith(`/api/v1/sentences/${claim.id}/verdict`) &&
        response.request().headers()['idempotency-key'] !== verdictKey,
    );
    await panel.getByRole('button', { name: 'Enregistrer le verdict' }).click();
    expect((await secondSave).status()).toBe(503);
    // The form says so once the write is queued (its notice is cleared when the click starts;
    // the comment box shows its own « Commentaire enregistré… »).
    await expect(panel.getByText(/Verdict enregistré sur cet appareil/)).toBeVisible();
    expect(await deviceQueue(page)).toEqual(queued);
    await expect(status).toContainText('3 modifications enregistrées sur cet appareil');

    await stack.db.start();
    await expect(status).toContainText('3 modifications envoyées au serveur', { timeout: 30_000 });

    const detail = (await (await api.get(`/api/v1/sentences/${claim.id}`)).json()) as {
      verdicts: { rating: string; rationale: string }[];
      comments: { body: string }[];
    };
    expect(detail.verdicts).toEqual([
      expect.objectContaining({ rating: 'false', rationale: 'Écrit pendant la panne.' }),
    ]);
    expect(detail.comments.filter((c) => c.body === 'Commentaire pendant la panne')).toHaveLength(
      1,
    );
    const highlights = (await (
      await api.get(`/api/v1/articles/${article.id}/annotations`)
    ).json()) as {
      annotations: { target: { selector: { exact?: string }[] } }[];
    };
    expect(
      highlights.annotations.filter((a) => a.target.selector[0]!.exact === 'isolement profond'),
    ).toHaveLength(1);
    await context.close();
    await api.dispose();
  });
});
