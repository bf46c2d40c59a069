// Streamed reports on a real PostgreSQL: an article's report read in several batches is the
// whole report, every claim once and in text order; access is refused before anything is
// streamed; the HTTP answer has no Content-Length; the W3C export streams the same way; and a
// failure after the first bytes breaks the download instead of truncating it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import {
  toClaimReview,
  toCsv,
  toHtmlReport,
  toJson,
  toMarkdown,
  type ReportData,
  type StreamedReportFormat,
} from '@/lib/reports';
import { reportResponse } from '@/lib/api/report-response';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import {
  exportAnnotationCollection,
  streamAnnotationCollection,
} from '@/lib/server/annotations/export-annotation-collection';
import { AppError } from '@/lib/server/errors';
import { requestPdfReport } from '@/lib/server/reports/pdf-report';
import { getReport, getReportData } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { textStream } from '@/lib/server/reports/text-stream';
import { stringifyJsonLd } from '@/lib/text/json-ld';
import { approved, makeNewsroom } from './fixtures';

const BASE = 'https://factdesk.example';
const NOW = new Date('2025-03-04T09:30:00.000Z');

const WHOLE: Record<StreamedReportFormat, (data: ReportData) => string> = {
  markdown: toMarkdown,
  csv: toCsv,
  json: (data) => JSON.stringify(toJson(data), null, 2),
  // JSON-LD: escaped to be embeddable in a <script> (lib/text/json-ld.ts).
  claimreview: (data) => stringifyJsonLd(toClaimReview(data), 2),
  html: toHtmlReport,
};
const FORMATS = Object.keys(WHOLE) as StreamedReportFormat[];
const RATINGS = ['true', 'false', 'misleading', 'not_a_claim', 'unverifiable', 'mostly_true'];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** Every chunk of a byte stream, decoded (the BOM kept, as a saved file keeps it). */
async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = stream.getReader();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value, { stream: true }));
  }
}

async function textOf(body: unknown): Promise<string> {
  expect(body).toBeInstanceOf(ReadableStream);
  return (await chunksOf(body as ReadableStream<Uint8Array>)).join('');
}

/** A newsroom whose article has 7 verified claims (more than two batches of 3). */
async function verifiedArticle() {
  const room = await makeNewsroom();
  const { reviewer, reviewer2, article, sentences } = room;
  const checkable = sentences.filter((s) => s.kind === 'sentence' && s.retiredAt === null);
  const verified = checkable.slice(0, 7);
  for (const [i, sentence] of verified.entries()) {
    await approved(reviewer.id, reviewer2.id, sentence.id, {
      rating: RATINGS[i % RATINGS.length],
      rationale: `Justification ${i}, avec « guillemets », virgule et "quotes".\nDeuxième ligne.`,
      sources: [{ url: `https://example.org/source-${i}`, title: `Source ${i}` }],
    });
  }
  return { ...room, article, verified };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('streamed article reports', () => {
  it('reads the claims in batches and writes exactly the whole report, every claim once in order', async () => {
    const { editor, article, verified } = await verifiedArticle();
    // The report's generation date is "now": frozen so streamed and whole reports can be compared.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const data = await getReportData({ userId: editor.id, articleId: article.id, baseUrl: BASE });
    expect(data.claims.map((c) => c.sentenceId)).toEqual(verified.map((s) => s.id));
    expect(data.claims.map((c) => c.index)).toEqual(verified.map((s) => s.index));

    for (const format of FORMATS) {
      const whole = WHOLE[format](data);
      for (const batchSize of [1, 3, 7, 250]) {
        const report = await getReport({
          userId: editor.id,
          articleId: article.id,
          baseUrl: BASE,
          query: { format },
          batchSize,
        });
        expect(await textOf(report.body), `${format}, batches of ${batchSize}`).toBe(whole);
      }
    }

    const json = JSON.parse(
      await textOf(
        (
          await getReport({
            userId: editor.id,
            articleId: article.id,
            baseUrl: BASE,
            query: { format: 'json' },
            batchSize: 3,
          })
        ).body,
      ),
    ) as ReturnType<typeof toJson>;
    expect(json.claims.map((c) => c.sentenceId)).toEqual(verified.map((s) => s.id));
    expect(json.summary.verifiedCount).toBe(7);
    // The team report reads claims through Prisma's nested select, the streamed one through its
    // batch query: both must describe each claim the same way.
    const team = await getTeamReport({
      userId: editor.id,
      teamId: article.teamId,
      baseUrl: BASE,
      query: { format: 'json' },
    });
    const teamJson = JSON.parse(String(team.body)) as { articles: ReturnType<typeof toJson>[] };
    expect(teamJson.articles[0]!.claims).toEqual(json.claims);
    expect(teamJson.articles[0]!.summary).toEqual(json.summary);
    expect(teamJson.articles[0]!.agreement).toEqual(json.agreement);

    const markdown = await textOf(
      (
        await getReport({
          userId: editor.id,
          articleId: article.id,
          baseUrl: BASE,
          query: { format: 'markdown' },
          batchSize: 3,
        })
      ).body,
    );
    const headings = [...markdown.matchAll(/^## Phrase (\d+)$/gm)].map((m) => Number(m[1]));
    expect(headings).toEqual(verified.map((s) => s.index + 1));
  });

  it('sends the header as the first chunk, before any claim is read', async () => {
    const { editor, article } = await verifiedArticle();
    const report = await getReport({
      userId: editor.id,
      articleId: article.id,
      baseUrl: BASE,
      query: { format: 'markdown' },
      batchSize: 3,
    });
    const chunks = await chunksOf(report.body as ReadableStream<Uint8Array>);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]).toMatch(/^# /);
    expect(chunks[0]).toContain('7 affirmations vérifiées');
    expect(chunks[0]).not.toContain('## Phrase');
  });

  it('refuses a non-member or a missing article before streaming anything', async () => {
    const { outsider, editor, article } = await verifiedArticle();
    for (const format of FORMATS) {
      expect(
        await codeOf(
          getReport({
            userId: outsider.id,
            articleId: article.id,
            baseUrl: BASE,
            query: { format },
          }),
        ),
      ).toBe('not_found');
    }
    // The PDF is asked for as a job: refused the same way, and no job is queued.
    expect(
      await codeOf(requestPdfReport({ userId: outsider.id, articleId: article.id, baseUrl: BASE })),
    ).toBe('not_found');
    expect(await prisma.job.count({ where: { articleId: article.id } })).toBe(0);
    expect(
      await codeOf(
        getReport({
          userId: editor.id,
          articleId: '01900000-0000-7000-8000-000000000000',
          baseUrl: BASE,
          query: { format: 'csv' },
        }),
      ),
    ).toBe('not_found');
  });

  it('answers a streamed report without Content-Length, with the usual headers', async () => {
    const { editor, article } = await verifiedArticle();
    const ask = async (format: string, download = true) => {
      const report = await getReport({
        userId: editor.id,
        articleId: article.id,
        baseUrl: BASE,
        query: { format },
      });
      return reportResponse(report, { download: download ? undefined : '0' });
    };
    const csv = await ask('csv');
    expect(csv.headers.get('Content-Length')).toBeNull();
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Cache-Control')).toBe('private, no-store');
    expect(csv.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="factdesk-.*\.csv"$/,
    );
    expect(csv.headers.get('Content-Security-Policy')).toBeNull();
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const html = await ask('html', false);
    expect(html.headers.get('Content-Length')).toBeNull();
    expect(html.headers.get('Content-Disposition')).toBeNull();
    expect(html.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await html.text()).toMatch(/<\/html>\n$/);

    // The team report stays whole: its length is known.
    const team = await getTeamReport({
      userId: editor.id,
      teamId: article.teamId,
      baseUrl: BASE,
      query: { format: 'json' },
    });
    const teamResponse = reportResponse(team, {});
    const teamText = await teamResponse.clone().text();
    expect(teamResponse.headers.get('Content-Length')).toBe(
      String(new TextEncoder().encode(teamText).byteLength),
    );
    expect(JSON.parse(teamText).articles[0].claims).toHaveLength(7);
  });
});

describe('streamed W3C annotation export', () => {
  it('pages highlights by start offset and id, equal to the whole collection', async () => {
    const { editor, reviewer, outsider, article, sentences } = await makeNewsroom();
    const { text } = await prisma.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { text: true },
    });
    const checkable = sentences.filter((s) => s.kind === 'sentence').slice(0, 4);
    // Two highlights per sentence start (same offset, different lengths): ties cross batches.
    for (const sentence of checkable.reverse()) {
      for (const length of [12, 5]) {
        await createAnnotation({
          userId: reviewer.id,
          articleId: article.id,
          input: {
            selector: describeRange(text, { start: sentence.start, end: sentence.start + length }),
            note: length === 5 ? `Note « ${sentence.index} »` : null,
          },
        });
      }
    }
    const whole = stringifyJsonLd(
      await exportAnnotationCollection({ userId: editor.id, articleId: article.id, baseUrl: BASE }),
    );
    for (const batchSize of [1, 3, 8, 1000]) {
      const streamed = await textOf(
        await streamAnnotationCollection({
          userId: editor.id,
          articleId: article.id,
          baseUrl: BASE,
          batchSize,
        }),
      );
      expect(streamed, `batches of ${batchSize}`).toBe(whole);
    }
    const collection = JSON.parse(whole) as {
      total: number;
      first: { items: { id: string; target: { selector: { start?: number }[] } }[] };
    };
    expect(collection.total).toBe(8);
    const items = collection.first.items;
    expect(new Set(items.map((item) => item.id)).size).toBe(8);
    const starts = items.map((item) => item.target.selector[1]!.start!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    expect(
      await codeOf(
        streamAnnotationCollection({ userId: outsider.id, articleId: article.id, baseUrl: BASE }),
      ),
    ).toBe('not_found');
  });
});

describe('textStream', () => {
  it('sends the first piece at once, then chunks of the asked size', async () => {
    async function* pieces() {
      yield 'header';
      for (let i = 0; i < 100; i++) yield `piece ${i};`;
      yield 'footer';
    }
    const chunks = await chunksOf(textStream(pieces(), { label: 'test', chunkChars: 100 }));
    expect(chunks[0]).toBe('header');
    expect(chunks.slice(1, -1).every((chunk) => chunk.length >= 100 && chunk.length < 120)).toBe(
      true,
    );
    expect(chunks.join('')).toBe(
      `header${Array.from({ length: 100 }, (_, i) => `piece ${i};`).join('')}footer`,
    );
  });

  it('errors the stream (and logs) when a read fails after the first bytes', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    async function* pieces() {
      yield 'header';
      yield 'claim 1';
      throw new Error('connection lost');
    }
    const reader = textStream(pieces(), { label: 'the test report' }).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('header');
    await expect(reader.read()).rejects.toThrow('connection lost');
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining('the test report'),
      expect.any(Error),
    );

    // Through a Response, the client's read fails rather than ending early.
    const response = new Response(textStream(pieces(), { label: 'the test report' }));
    await expect(response.text()).rejects.toThrow();
  });

  it('stops reading when the client cancels', async () => {
    let closed = false;
    async function* pieces() {
      try {
        for (let i = 0; ; i++) yield `piece ${i}`;
      } finally {
        closed = true;
      }
    }
    const reader = textStream(pieces(), { label: 'test', chunkChars: 10 }).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
