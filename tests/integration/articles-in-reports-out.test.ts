// Articles in, reports out, on a real PostgreSQL: imports of each kind (a hostile HTML page
// included, and a URL served by a local server), the refusal of private addresses, revisions
// that keep highlights and verdicts, triage scores, full-text search, W3C Web Annotation round
// trips and the PDF report.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { listAnnotations } from '@/lib/server/annotations/list-annotations';
import { exportAnnotationCollection } from '@/lib/server/annotations/export-annotation-collection';
import { importAnnotationCollection } from '@/lib/server/annotations/import-annotation-collection';
import { createArticle } from '@/lib/server/articles/create-article';
import { getArticle } from '@/lib/server/articles/get-article';
import { listRevisions } from '@/lib/server/articles/list-revisions';
import { reviseArticle } from '@/lib/server/articles/revise-article';
import { renderPdfReport } from '@/lib/server/reports/pdf-report';
import { closePdfRenderer } from '@/lib/server/reports/render-pdf';
import { AppError } from '@/lib/server/errors';
import { getReport, getReportData } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { searchSentences, SNIPPET_END, SNIPPET_START } from '@/lib/server/search/search-sentences';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { approved, makeNewsroom, SEED_TEXT } from './fixtures';

// The PDF test below starts a Chromium in this process.
afterAll(() => closePdfRenderer());

const BASE = 'https://factdesk.example';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const HOSTILE_HTML = `<!doctype html><html lang="fr"><head><title>Le pacte, vu de près</title>
<meta property="og:site_name" content="La Gazette"><meta name="author" content="Jeanne Plume">
<meta property="article:published_time" content="2024-06-20T08:00:00Z">
<script>window.stolen = document.cookie</script><style>body{display:none}</style></head>
<body onload="alert('onload')"><nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav>
<article><h1>Le pacte, vu de près</h1>
<p>Le traité a été signé le 19 juin 2024 à Pyongyang. <img src=x onerror="alert('img')"></p>
<p>Selon Moscou, il prévoit une aide mutuelle <a href="javascript:alert('lien')">en cas d’agression</a>.</p>
<p>Le texte &lt;script&gt;alert('texte')&lt;/script&gt; est cité tel quel.</p>
<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
<iframe srcdoc="<script>alert('frame')</script>"></iframe></article>
<footer>© La Gazette — mentions légales</footer></body></html>`;

describe('import', () => {
  it('imports pasted text, Markdown and a hostile HTML page as plain text with metadata', async () => {
    const { editor, reviewer, team } = await makeNewsroom();
    const pasted = await createArticle({
      userId: editor.id,
      input: { teamId: team.id, text: SEED_TEXT },
    });
    expect(pasted).toMatchObject({ language: 'fr', partial: true, revisionCount: 1 });
    expect(pasted.sentences).toHaveLength(16);

    const markdown = await createArticle({
      userId: editor.id,
      input: {
        teamId: team.id,
        format: 'markdown',
        text: '# A pact in plain sight\n\nThe treaty was signed on **June 19, 2024**.\n\n- Mutual aid\n- [Sanctions](https://example.org)',
      },
    });
    expect(markdown).toMatchObject({ title: 'A pact in plain sight', language: 'en' });
    expect(markdown.text).toContain('The treaty was signed on June 19, 2024.');
    expect(markdown.text).not.toContain('**');

    const page = await createArticle({
      userId: editor.id,
      input: { teamId: team.id, html: HOSTILE_HTML },
    });
    expect(page).toMatchObject({
      title: 'Le pacte, vu de près',
      publisher: 'La Gazette',
      author: 'Jeanne Plume',
      publishedAt: '2024-06-20',
      language: 'fr',
    });
    for (const payload of [
      'window.stolen',
      'onerror',
      'onload',
      'javascript:',
      'srcdoc',
      'Accueil',
      'mentions légales',
      'display:none',
    ]) {
      expect(page.text).not.toContain(payload);
    }
    // What was text in the page stays text (shown inert by the reader, never parsed).
    expect(page.text).toContain("<script>alert('texte')</script>");
    expect(page.text).toContain('Selon Moscou, il prévoit une aide mutuelle en cas d’agression.');

    // Only editors and owners import; bad input creates nothing.
    const before = await prisma.article.count({ where: { teamId: team.id } });
    expect(
      await codeOf(
        createArticle({ userId: reviewer.id, input: { teamId: team.id, text: 'Un texte.' } }),
      ),
    ).toBe('forbidden');
    expect(
      await codeOf(
        createArticle({
          userId: editor.id,
          input: { teamId: team.id, html: '<script>x()</script>' },
        }),
      ),
    ).toBe('import_failed');
    expect(
      await codeOf(
        createArticle({ userId: editor.id, input: { teamId: team.id, text: '   \n  ' } }),
      ),
    ).toBe('import_failed');
    expect(await prisma.article.count({ where: { teamId: team.id } })).toBe(before);
  });

  describe('from a URL', () => {
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      server = http.createServer((request, response) => {
        if (request.url === '/article') {
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(HOSTILE_HTML);
        } else if (request.url === '/image') {
          response.writeHead(200, { 'Content-Type': 'image/png' });
          response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
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

    it('refuses private addresses unless allowed, then imports the page with its URL', async () => {
      const { editor, team } = await makeNewsroom();
      delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
      const refused = await createArticle({
        userId: editor.id,
        input: { teamId: team.id, url: `${base}/article` },
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('import_failed');
      expect((refused as AppError).details).toMatchObject({ reason: 'forbidden_host' });

      process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1';
      const article = await createArticle({
        userId: editor.id,
        input: { teamId: team.id, url: `${base}/article`, title: 'Titre choisi' },
      });
      expect(article).toMatchObject({
        title: 'Titre choisi',
        sourceUrl: `${base}/article`,
        publisher: 'La Gazette',
      });
      expect(article.text).not.toContain('window.stolen');
      expect(
        await codeOf(
          createArticle({ userId: editor.id, input: { teamId: team.id, url: `${base}/image` } }),
        ),
      ).toBe('import_failed');
      expect(
        await codeOf(
          createArticle({ userId: editor.id, input: { teamId: team.id, url: `${base}/absent` } }),
        ),
      ).toBe('import_failed');
    });
  });
});

describe('revisions', () => {
  async function setting() {
    const room = await makeNewsroom();
    const { editor, reviewer, reviewer2, article } = room;
    const at = (quote: string) =>
      describeRange(SEED_TEXT, {
        start: SEED_TEXT.indexOf(quote),
        end: SEED_TEXT.indexOf(quote) + quote.length,
      });
    const highlight = async (quote: string) =>
      createAnnotation({
        userId: reviewer.id,
        articleId: article.id,
        input: { selector: at(quote) },
      });
    const figures = await highlight('cinq millions de projectiles');
    const welcome = await highlight('un accueil extraordinaire');
    const mongolia = await highlight('la Mongolie en 2019');
    const claim = room.sentences.find((s) => s.text.includes('cinq millions'))!;
    const welcomeSentence = room.sentences.find((s) => s.text.includes('accueil extraordinaire'))!;
    await approved(reviewer.id, reviewer2.id, claim.id, {
      rating: 'unverifiable',
      sources: [{ url: 'https://example.org/a' }],
    });
    await approved(reviewer.id, reviewer2.id, welcomeSentence.id, {
      rating: 'true',
      sources: [{ url: 'https://example.org/b' }],
    });
    return { ...room, figures, welcome, mongolia, claim, welcomeSentence, editor };
  }

  it('keeps highlights and verdicts through an insertion, an edit inside a quote and a deletion', async () => {
    const { editor, article, figures, welcome, mongolia, claim, welcomeSentence } = await setting();
    const revised = SEED_TEXT.replace('Née des circonstances', 'Analyse. Née des circonstances') // insertion before everything
      .replace('cinq millions de projectiles', 'quatre millions de projectiles') // edit inside a quote
      .replace(
        ' C’est le message qu’a véhiculé Vladimir Poutine lors de sa visite à Pyongyang le 19 juin, où il a été reçu avec un accueil extraordinaire.',
        '',
      ); // deletion
    const after = await reviseArticle({
      userId: editor.id,
      articleId: article.id,
      input: { text: revised, version: 1, note: 'Chiffre corrigé par la rédaction' },
    });
    expect(after).toMatchObject({ version: 2, text: revised, revisionCount: 2 });

    const annotations = await listAnnotations({ userId: editor.id, articleId: article.id });
    const status = (id: string) => annotations.find((a) => a.id === id)!.anchorStatus;
    expect(status(mongolia.id)).toBe('anchored');
    expect(status(figures.id)).toBe('fuzzy');
    expect(status(welcome.id)).toBe('orphaned');
    const fuzzy = annotations.find((a) => a.id === figures.id)!;
    expect(fuzzy.target.selector[0]).toMatchObject({ exact: 'quatre millions de projectiles' });
    expect(
      revised.slice(
        (fuzzy.target.selector[1] as { start: number }).start,
        (fuzzy.target.selector[1] as { end: number }).end,
      ),
    ).toBe('quatre millions de projectiles');
    // The orphan keeps its old quote.
    expect(annotations.find((a) => a.id === welcome.id)!.target.selector[0]).toMatchObject({
      exact: 'un accueil extraordinaire',
    });

    // The changed figure's verdict follows its sentence but must be checked again; the deleted
    // sentence is retired, its verdict kept and marked.
    const claimDetail = await getSentence({ userId: editor.id, sentenceId: claim.id });
    expect(claimDetail.sentence.text).toContain('quatre millions');
    expect(claimDetail.verdicts[0]).toMatchObject({ needsRecheck: true });
    expect(claimDetail.finalVerdict).toMatchObject({ needsRecheck: true });
    const detail = await getArticle({ userId: editor.id, articleId: article.id });
    expect(detail.sentences.map((s) => s.id)).not.toContain(welcomeSentence.id);
    expect(detail.retiredSentences).toEqual([
      expect.objectContaining({ id: welcomeSentence.id, verdictCount: 1 }),
    ]);
    expect(
      await prisma.verdict.count({ where: { sentenceId: welcomeSentence.id, needsRecheck: true } }),
    ).toBe(1);

    const revisions = await listRevisions({ userId: editor.id, articleId: article.id });
    expect(revisions.map((r) => [r.version, r.source])).toEqual([
      [2, 'edit'],
      [1, 'paste'],
    ]);
    expect(revisions[0]).toMatchObject({
      note: 'Chiffre corrigé par la rédaction',
      summary: {
        highlights: { anchored: 1, fuzzy: 1, orphaned: 1 },
        sentences: { removed: 1, added: 1 },
      },
    });

    // The report notes the correction and the verdict to recheck.
    const report = await getReportData({ userId: editor.id, articleId: article.id, baseUrl: BASE });
    expect(report.revisions).toHaveLength(2);
    expect(report.recheck).toEqual([claim.id]);
  });

  it('refuses a stale version, identical text and non-editors, changing nothing', async () => {
    const { editor, reviewer, article } = await setting();
    const text = `${SEED_TEXT}\nUne ligne de plus.`;
    expect(
      await codeOf(
        reviseArticle({ userId: editor.id, articleId: article.id, input: { text, version: 7 } }),
      ),
    ).toBe('conflict');
    expect(
      await codeOf(
        reviseArticle({
          userId: editor.id,
          articleId: article.id,
          input: { text: SEED_TEXT, version: 1 },
        }),
      ),
    ).toBe('invalid_state');
    expect(
      await codeOf(
        reviseArticle({ userId: reviewer.id, articleId: article.id, input: { text, version: 1 } }),
      ),
    ).toBe('forbidden');
    expect(await prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
    // The verdict of an unchanged sentence is untouched.
    await reviseArticle({ userId: editor.id, articleId: article.id, input: { text, version: 1 } });
    expect(
      await prisma.verdict.count({
        where: { sentence: { articleId: article.id }, needsRecheck: true },
      }),
    ).toBe(0);
  });
});

describe('triage, search and exports', () => {
  it('scores sentences for check-worthiness: figures and dates first', async () => {
    const { editor, article } = await makeNewsroom();
    const { sentences } = await getArticle({ userId: editor.id, articleId: article.id });
    const checkable = sentences.filter((s) => s.kind === 'sentence');
    const withFigure = checkable.filter((s) =>
      s.checkworthinessReasons.some((r) => r === 'figure' || r === 'date'),
    );
    const without = checkable.filter((s) => !withFigure.includes(s));
    expect(withFigure.map((s) => s.index + 1)).toEqual([2, 4, 6, 14]);
    expect(Math.min(...withFigure.map((s) => s.checkworthiness))).toBeGreaterThan(
      Math.max(...without.map((s) => s.checkworthiness)),
    );
    expect(
      sentences.filter((s) => s.kind !== 'sentence').every((s) => s.checkworthiness === 0),
    ).toBe(true);
  });

  it('searches the sentences of my teams with French stemming, filters and snippets', async () => {
    const { editor, reviewer, reviewer2, outsider, article, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, reviewer2.id, claim.id, {
      rating: 'false',
      sources: [{ url: 'https://example.org/c' }],
    });
    const found = await searchSentences({
      userId: editor.id,
      query: { q: 'projectile', teamId: article.teamId },
    });
    expect(found.results.map((r) => r.sentence.id)).toEqual(
      expect.arrayContaining([
        claim.id,
        sentences.find((s) => s.text.startsWith('Les envois de projectiles'))!.id,
      ]),
    );
    const first = found.results.find((r) => r.sentence.id === claim.id)!;
    expect(first).toMatchObject({
      rating: 'false',
      state: 'approved',
      article: { id: article.id },
    });
    expect(first.snippet).toContain(`${SNIPPET_START}projectiles${SNIPPET_END}`);
    const byRating = await searchSentences({
      userId: editor.id,
      query: { q: 'projectile', rating: 'false', teamId: article.teamId },
    });
    expect(byRating.results.map((r) => r.sentence.id)).toEqual([claim.id]);
    const byReviewer = await searchSentences({
      userId: editor.id,
      query: { reviewer: reviewer.id, teamId: article.teamId },
    });
    expect(byReviewer.results.map((r) => r.sentence.id)).toEqual([claim.id]);
    expect(
      (await searchSentences({ userId: outsider.id, query: { q: 'projectile' } })).results.filter(
        (r) => r.article.id === article.id,
      ),
    ).toEqual([]);
  });

  it('exports highlights as a W3C AnnotationCollection that imports back into another article', async () => {
    const { editor, reviewer, article, team } = await makeNewsroom();
    const quote = 'pacte de partenariat stratégique global';
    const start = SEED_TEXT.indexOf(quote);
    await createAnnotation({
      userId: reviewer.id,
      articleId: article.id,
      input: {
        selector: describeRange(SEED_TEXT, { start, end: start + quote.length }),
        note: 'Nom officiel ?',
      },
    });
    const collection = await exportAnnotationCollection({
      userId: editor.id,
      articleId: article.id,
      baseUrl: BASE,
    });
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
    });
    const copy = await createArticle({
      userId: editor.id,
      input: { teamId: team.id, text: SEED_TEXT },
    });
    const result = await importAnnotationCollection({
      userId: reviewer.id,
      articleId: copy.id,
      input: JSON.parse(JSON.stringify(collection)),
    });
    expect(result.imported).toHaveLength(1);
    expect(result.imported[0]).toMatchObject({
      note: 'Nom officiel ?',
      target: { selector: [{ exact: quote }, { start, end: start + quote.length }] },
    });
    expect(
      await codeOf(
        importAnnotationCollection({
          userId: reviewer.id,
          articleId: copy.id,
          input: { type: 'AnnotationCollection', first: { items: [{ type: 'Annotation' }] } },
        }),
      ),
    ).toBe('validation_failed');
  });

  it('renders the printable report as HTML and PDF, and the team report', async () => {
    const { editor, reviewer, reviewer2, article, team, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, reviewer2.id, claim.id, {
      rating: 'unverifiable',
      rationale: 'Aucune preuve publique.',
      sources: [{ url: 'https://example.org/obus', title: 'Les obus' }],
    });
    const html = await getReport({
      userId: editor.id,
      articleId: article.id,
      baseUrl: BASE,
      query: { format: 'html' },
    });
    expect(html.contentType).toMatch(/^text\/html/);
    const page = await new Response(html.body).text();
    expect(page).toContain('cinq millions de projectiles');
    expect(page).not.toMatch(/<script/i);

    // The PDF is a worker's job (pdf-queue.test.ts); this is what the job renders.
    await expect(
      getReport({
        userId: editor.id,
        articleId: article.id,
        baseUrl: BASE,
        query: { format: 'pdf' },
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    const pdf = await renderPdfReport({ userId: editor.id, articleId: article.id, baseUrl: BASE });
    expect(pdf.filename).toMatch(/\.pdf$/);
    const bytes = new Uint8Array(pdf.body);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
      mergePages: true,
    });
    expect(text.replace(/\s+/g, ' ')).toContain('cinq millions de projectiles');

    const teamCsv = await getTeamReport({
      userId: editor.id,
      teamId: team.id,
      baseUrl: BASE,
      query: { format: 'csv', rating: 'unverifiable' },
    });
    expect(String(teamCsv.body)).toContain('cinq millions de projectiles');
    const none = await getTeamReport({
      userId: editor.id,
      teamId: team.id,
      baseUrl: BASE,
      query: { format: 'json', rating: 'true' },
    });
    expect(JSON.parse(String(none.body)).articles).toEqual([]);
  });
});
