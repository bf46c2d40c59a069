// JSON-LD made to be pasted into `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and
// U+2029 are written as JSON escapes, nothing else changes, and the text parses to the same
// value — checked on fixed cases, on the export writers, and on arbitrary JSON values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annotationCollectionWriter,
  claimReviewWriter,
  reportHead,
  toAnnotationCollection,
  toClaimReview,
  writeAll,
  type ReportData,
} from '@/lib/reports';
import { escapeJsonLd, stringifyJsonLd } from '@/lib/text/json-ld';

const HOSTILE = '</script><script>alert(1)</script> & <!-- \u2028 \u2029 >';
const RAW = /[<>&\u2028\u2029]/;

describe('escapeJsonLd', () => {
  it.each([
    ['"</script>"', '"\\u003c/script\\u003e"'],
    ['"a & b"', '"a \\u0026 b"'],
    ['"<!--"', '"\\u003c!--"'],
    ['"\u2028\u2029"', '"\\u2028\\u2029"'],
    ['{"a":1,"b":[true,null]}', '{"a":1,"b":[true,null]}'],
    ['"é 😀 \\n \\" \\\\<"', '"é 😀 \\n \\" \\\\\\u003c"'],
  ])('%s → %s', (json, escaped) => {
    expect(escapeJsonLd(json)).toBe(escaped);
    expect(JSON.parse(escapeJsonLd(json))).toEqual(JSON.parse(json));
  });

  it('is idempotent', () => {
    const once = stringifyJsonLd({ name: HOSTILE });
    expect(escapeJsonLd(once)).toBe(once);
  });

  it('keeps JSON.stringify’s layout', () => {
    const value = { name: 'Équipe', list: [1, { a: 'x' }] };
    expect(stringifyJsonLd(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(stringifyJsonLd(value)).toBe(JSON.stringify(value));
  });

  it('parses back to the same value, and leaves none of the five characters raw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (value, text) => {
        const document = { value, text: `${text}${HOSTILE}` };
        for (const indent of [undefined, 2]) {
          const escaped = stringifyJsonLd(document, indent);
          expect(RAW.test(escaped)).toBe(false);
          expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(document)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the JSON-LD export writers', () => {
  const data: ReportData = {
    article: {
      id: 'a1',
      title: `Titre ${HOSTILE}`,
      language: 'fr',
      sourceUrl: 'https://example.org/a?x=1&y=<2>',
      publisher: `Journal ${HOSTILE}`,
      author: `Autrice ${HOSTILE}`,
      publishedAt: '2024-03-01',
      version: 1,
      partial: false,
      sentenceCount: 2,
    },
    organization: `Rédaction ${HOSTILE}`,
    factCheckUrl: 'https://factdesk.example/articles/a1',
    generatedAt: '2024-03-02T10:00:00.000Z',
    revisions: [],
    recheck: [],
    claims: [
      {
        sentenceId: 's1',
        index: 0,
        text: `Le chiffre ${HOSTILE}`,
        rating: 'false',
        rationale: `Faux ${HOSTILE}`,
        reviewer: { name: `Rita ${HOSTILE}` },
        reviewedAt: '2024-03-02T09:00:00.000Z',
        approver: null,
        approvedAt: '2024-03-02T09:30:00.000Z',
        resolution: false,
        sources: [],
      },
    ],
  };

  it('ClaimReview: embeddable, the same value as toClaimReview', () => {
    const text = writeAll(claimReviewWriter(reportHead(data)), data.claims);
    expect(RAW.test(text)).toBe(false);
    expect(text).toBe(stringifyJsonLd(toClaimReview(data), 2));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toClaimReview(data))));
    expect((JSON.parse(text) as { claimReviewed: string }[])[0]!.claimReviewed).toBe(
      `Le chiffre ${HOSTILE}`,
    );
  });

  it('W3C AnnotationCollection: embeddable, the same value as toAnnotationCollection', () => {
    const head = {
      collectionId: 'https://factdesk.example/api/v1/articles/a1/annotations?format=w3c&x=<1>',
      sourceUrl: 'https://factdesk.example/articles/a1',
      annotationBaseUrl: 'https://factdesk.example/articles/a1#annotation-',
      label: `Titre ${HOSTILE}`,
      language: 'fr',
      noteLanguage: 'fr',
    };
    const annotations = [
      {
        id: 'n1',
        authorId: '0192d0c4-0000-7000-8000-000000000001',
        note: `Note ${HOSTILE}`,
        authorName: `Rita ${HOSTILE}`,
        createdAt: '2024-03-02T09:00:00.000Z',
        selectors: [
          { type: 'TextQuoteSelector' as const, exact: HOSTILE, prefix: '<', suffix: '>' },
          { type: 'TextPositionSelector' as const, start: 3, end: 9 },
        ],
      },
    ];
    const text = writeAll(annotationCollectionWriter({ ...head, total: 1 }), annotations);
    expect(RAW.test(text)).toBe(false);
    const whole = toAnnotationCollection({ ...head, annotations });
    expect(text).toBe(stringifyJsonLd(whole));
    expect(JSON.parse(text)).toEqual(whole);
  });
});
