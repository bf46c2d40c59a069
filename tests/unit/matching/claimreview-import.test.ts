// Reading other fact-checkers' ClaimReviews (« Déjà vérifié ? »): every published shape is found,
// every field read the way schema.org and Google write it, every refusal has its reason, and a
// hostile document (huge, deep, not JSON) is refused whole before any work that grows with it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLAIM_TEXT_MAX,
  ClaimReviewDocumentError,
  DOCUMENT_MAX_DEPTH,
  normaliseRating,
  parseClaimReviewDocument,
  type ParsedFactCheck,
} from '@/lib/matching/claimreview-import';
import { claimReviewRating, type Rating } from '@/lib/reports/verdict-scale';

const LIMITS = { maxItems: 100, maxCharacters: 2 * 1024 * 1024 };
const parse = (text: string, limits = LIMITS) => parseClaimReviewDocument(text, limits);
const json = (value: unknown) => JSON.stringify(value);

/** A minimal valid ClaimReview, `n` making its url unique. */
const review = (n = 1, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factuel.afp.com/check-${n}`,
  claimReviewed: `Claim number ${n}`,
  ...extra,
});

const urlsOf = (text: string) => parse(text).items.map((item) => item.url);

/** The error a document is refused with, or null when it is read. */
function refusal(text: string, limits = LIMITS): { code: string; limit?: number } | null {
  try {
    parse(text, limits);
    return null;
  } catch (error) {
    if (!(error instanceof ClaimReviewDocumentError)) throw error;
    return { code: error.code, ...(error.limit === undefined ? {} : { limit: error.limit }) };
  }
}

const page = (...blocks: string[]) =>
  `<!doctype html><html><head><title>Fact check</title>${blocks.join('')}</head>` +
  '<body><p>Texte</p></body></html>';
const ldJson = (body: string, type = 'application/ld+json') =>
  `<script type="${type}">${body}</script>`;

describe('parseClaimReviewDocument: where ClaimReviews are found', () => {
  it.each<[string, string, string[]]>([
    ['a single ClaimReview object', json(review(1)), ['https://factuel.afp.com/check-1']],
    [
      'an array',
      json([review(1), review(2)]),
      ['https://factuel.afp.com/check-1', 'https://factuel.afp.com/check-2'],
    ],
    [
      "Google's DataFeed, DataFeedItems holding an array or an object, and a bare element",
      json({
        '@context': 'https://schema.org',
        '@type': 'DataFeed',
        dataFeedElement: [
          {
            '@type': 'DataFeedItem',
            dateCreated: '2024-03-01T10:00:00Z',
            item: [review(1), review(2)],
          },
          { '@type': 'DataFeedItem', item: review(3) },
          review(4),
        ],
      }),
      [1, 2, 3, 4].map((n) => `https://factuel.afp.com/check-${n}`),
    ],
    [
      'a @graph, its other nodes ignored',
      json({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'WebPage', url: 'https://factuel.afp.com/' }, review(1)],
      }),
      ['https://factuel.afp.com/check-1'],
    ],
    [
      '@type as an array',
      json(review(1, { '@type': ['Review', 'ClaimReview'] })),
      ['https://factuel.afp.com/check-1'],
    ],
    [
      "@type spelled 'schema:' and as schema.org IRIs",
      json([
        review(1, { '@type': 'schema:ClaimReview' }),
        review(2, { '@type': 'http://schema.org/ClaimReview' }),
        review(3, { '@type': 'https://schema.org/ClaimReview' }),
      ]),
      [1, 2, 3].map((n) => `https://factuel.afp.com/check-${n}`),
    ],
    [
      'an HTML page: an invalid block skipped, an unrelated script and page nodes ignored',
      page(
        ldJson('{"@type": "ClaimReview", broken'),
        '<script>window.x = { "@type": "ClaimReview" };</script>',
        ldJson(json([{ '@type': 'WebSite', url: 'https://factuel.afp.com/' }])),
        ldJson(json(review(1))),
      ),
      ['https://factuel.afp.com/check-1'],
    ],
    [
      'an ld+json type in another case, with parameters',
      page(ldJson(json(review(1)), 'Application/LD+JSON; charset=utf-8')),
      ['https://factuel.afp.com/check-1'],
    ],
    ['an HTML fragment', ldJson(json(review(1))), ['https://factuel.afp.com/check-1']],
    [
      'a document starting with a byte-order mark and blank lines',
      `\uFEFF\n  ${json(review(1))}`,
      ['https://factuel.afp.com/check-1'],
    ],
  ])('%s', (_name, text, urls) => {
    expect(urlsOf(text)).toEqual(urls);
    expect(parse(text).skipped).toEqual([]);
  });
});

describe('parseClaimReviewDocument: fields', () => {
  const afp = {
    '@type': 'Organization',
    name: 'AFP Factuel',
    url: 'https://factuel.afp.com/',
  };
  const claim = {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'Jean Dupont' },
    datePublished: '2024-03-01',
    appearance: 'https://example.org/post/1',
  };
  const full = review(1, {
    datePublished: '2024-03-05',
    inLanguage: 'fr-FR',
    author: afp,
    itemReviewed: claim,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Faux',
    },
  });

  it('reads a complete ClaimReview', () => {
    expect(parse(json(full)).items).toEqual<ParsedFactCheck[]>([
      {
        url: 'https://factuel.afp.com/check-1',
        claimText: 'Claim number 1',
        claimant: 'Jean Dupont',
        claimantKind: 'person',
        claimDate: '2024-03-01',
        appearanceUrl: 'https://example.org/post/1',
        reviewDate: '2024-03-05',
        publisher: { name: 'AFP Factuel', url: 'https://factuel.afp.com/' },
        ratingName: 'Faux',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        rating: 'false',
        language: 'fr',
      },
    ]);
  });

  const item = (extra: Record<string, unknown>) => ({ ...claim, ...extra });
  it.each<[string, Record<string, unknown>, Partial<ParsedFactCheck>]>([
    // The url: the dedup key.
    [
      'url trimmed, fragment kept',
      { url: '  https://factuel.afp.com/check-1#verdict \n' },
      { url: 'https://factuel.afp.com/check-1#verdict' },
    ],
    ['url as @value', { url: { '@value': 'https://x.org/a' } }, { url: 'https://x.org/a' }],
    [
      'url keeps "&copy=" (URLs are not entity-decoded)',
      { url: 'https://x.org/a?b=1&copy=2' },
      { url: 'https://x.org/a?b=1&copy=2' },
    ],
    // The claim.
    [
      'claimReviewed as @value',
      { claimReviewed: { '@value': 'Une affirmation', '@language': 'fr' } },
      { claimText: 'Une affirmation' },
    ],
    ['claimReviewed as an array', { claimReviewed: ['', 'Second'] }, { claimText: 'Second' }],
    [
      'entities decoded',
      { claimReviewed: 'Tom &amp; Jerry &eacute;t&eacute;' },
      { claimText: 'Tom & Jerry été' },
    ],
    [
      'only terminated entities ("&notice" stays)',
      { claimReviewed: 'A &notice &copy 2024' },
      { claimText: 'A &notice &copy 2024' },
    ],
    [
      'whitespace and control characters collapsed',
      { claimReviewed: '  Un\n\tdeux\u00a0\u00a0trois\u0000quatre ' },
      { claimText: 'Un deux trois quatre' },
    ],
    [
      'a lone surrogate replaced (jsonb refuses it)',
      { claimReviewed: 'Un \ud800 deux' },
      { claimText: 'Un \ufffd deux' },
    ],
    [
      'a comparison is not markup',
      { claimReviewed: 'Inflation < 2 % and 3<5' },
      { claimText: 'Inflation < 2 % and 3<5' },
    ],
    [
      'itemReviewed.name when no claimReviewed',
      { claimReviewed: undefined, itemReviewed: item({ name: 'From the name' }) },
      { claimText: 'From the name' },
    ],
    [
      'itemReviewed.text when no name either',
      { claimReviewed: undefined, itemReviewed: item({ text: 'From the text' }) },
      { claimText: 'From the text' },
    ],
    [
      'claim text exactly CLAIM_TEXT_MAX long',
      { claimReviewed: 'a'.repeat(CLAIM_TEXT_MAX) },
      { claimText: 'a'.repeat(CLAIM_TEXT_MAX) },
    ],
    // The claimant.
    [
      'claimant: an Organization',
      { itemReviewed: item({ author: { '@type': 'Organization', name: 'Ministère' } }) },
      { claimant: 'Ministère', claimantKind: 'organization' },
    ],
    [
      'claimant: an Organization subtype, in an array',
      { itemReviewed: item({ author: [{ '@type': 'GovernmentOrganization', name: 'Élysée' }] }) },
      { claimant: 'Élysée', claimantKind: 'organization' },
    ],
    [
      'claimant: no type, kind unknown',
      { itemReviewed: item({ author: { name: 'Quelqu’un' } }) },
      { claimant: 'Quelqu’un', claimantKind: null },
    ],
    [
      'claimant: a Person with no name',
      { itemReviewed: item({ author: { '@type': 'Person' } }) },
      { claimant: null, claimantKind: null },
    ],
    [
      'claimant: none',
      { itemReviewed: item({ author: undefined }) },
      { claimant: null, claimantKind: null },
    ],
    // Where the claim appeared.
    [
      'appearance as an object with url',
      { itemReviewed: item({ appearance: { '@type': 'CreativeWork', url: 'https://t.co/x' } }) },
      { appearanceUrl: 'https://t.co/x' },
    ],
    [
      'appearance as an array: the first http(s) one',
      {
        itemReviewed: item({
          appearance: ['javascript:alert(1)', { url: 'ftp://x.org/' }, { url: 'http://x.org/b' }],
        }),
      },
      { appearanceUrl: 'http://x.org/b' },
    ],
    [
      'appearance url not entity-decoded either',
      { itemReviewed: item({ appearance: { url: 'https://x.org/p?id=1&copy=2' } }) },
      { appearanceUrl: 'https://x.org/p?id=1&copy=2' },
    ],
    [
      'firstAppearance when no appearance',
      {
        itemReviewed: item({
          appearance: undefined,
          firstAppearance: { '@type': 'CreativeWork', url: 'https://x.org/first' },
        }),
      },
      { appearanceUrl: 'https://x.org/first' },
    ],
    [
      'appearance not http(s): none',
      { itemReviewed: item({ appearance: 'data:text/html,<script>alert(1)</script>' }) },
      { appearanceUrl: null },
    ],
    // Dates.
    [
      'a date-time keeps the date written, whatever its zone',
      { datePublished: '2024-03-05T23:30:00-05:00' },
      { reviewDate: '2024-03-05' },
    ],
    ['an impossible date', { datePublished: '2024-02-30' }, { reviewDate: null }],
    ['a date that is not ISO 8601', { datePublished: 'March 5, 2024' }, { reviewDate: null }],
    ['a date with trailing garbage', { datePublished: '2024-03-05x' }, { reviewDate: null }],
    ['a leap day', { datePublished: '2024-02-29' }, { reviewDate: '2024-02-29' }],
    [
      'no claim date',
      { itemReviewed: item({ datePublished: undefined }), datePublished: undefined },
      { claimDate: null, reviewDate: null },
    ],
    // The publisher.
    [
      'publisher: an array of authors, the first',
      { author: [{ '@type': 'Organization', name: 'Les Surligneurs' }, afp] },
      { publisher: { name: 'Les Surligneurs', url: null } },
    ],
    [
      'publisher: no name, its url’s host',
      { author: { '@type': 'Organization', url: 'https://www.lemonde.fr/les-decodeurs/' } },
      { publisher: { name: 'www.lemonde.fr', url: 'https://www.lemonde.fr/les-decodeurs/' } },
    ],
    [
      'publisher: no author, the ClaimReview url’s host',
      { author: undefined },
      { publisher: { name: 'factuel.afp.com', url: null } },
    ],
    [
      'publisher: `publisher` when no `author`',
      { author: undefined, publisher: { '@type': 'Organization', name: 'Full Fact' } },
      { publisher: { name: 'Full Fact', url: null } },
    ],
    [
      'publisher: a javascript: url dropped',
      { author: { '@type': 'Organization', name: 'X', url: 'javascript:alert(1)' } },
      { publisher: { name: 'X', url: null } },
    ],
    // The rating.
    [
      'rating name: name when no alternateName',
      { reviewRating: { '@type': 'Rating', name: 'Pants on fire' } },
      { ratingName: 'Pants on fire', ratingValue: null, rating: null },
    ],
    [
      'rating name: clipped to 200 characters',
      { reviewRating: { alternateName: 'é'.repeat(300) } },
      { ratingName: 'é'.repeat(200) },
    ],
    [
      'rating name: clipped without splitting an emoji',
      { reviewRating: { alternateName: `a${'😀'.repeat(150)}` } },
      { ratingName: `a${'😀'.repeat(99)}` },
    ],
    [
      'rating numbers as numeric strings',
      { reviewRating: { ratingValue: '4', bestRating: ' 5 ', worstRating: '1' } },
      { ratingValue: 4, bestRating: 5, worstRating: 1, rating: 'mostly_true' },
    ],
    [
      'rating numbers that are not decimal numbers',
      { reviewRating: { ratingValue: '0x1', bestRating: '5e0', worstRating: '' } },
      { ratingValue: null, bestRating: null, worstRating: null, rating: null },
    ],
    [
      'reviewRating as an array',
      {
        reviewRating: [{ ratingValue: 10, bestRating: 10, worstRating: 0, alternateName: 'True' }],
      },
      { ratingName: 'True', rating: 'true' },
    ],
    // The language.
    ['language: fr-FR', { inLanguage: 'fr-FR' }, { language: 'fr' }],
    ['language: upper case', { inLanguage: 'EN_gb' }, { language: 'en' }],
    [
      'language: a Language object',
      { inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' } },
      { language: 'en' },
    ],
    [
      'language: a Language object, code in name',
      { inLanguage: { name: 'de' } },
      { language: 'de' },
    ],
    ['language: a name, not a code', { inLanguage: 'French' }, { language: 'und' }],
    ['language: absent', { inLanguage: undefined }, { language: 'und' }],
  ])('%s', (_name, extra, expected) => {
    const { items, skipped } = parse(json({ ...full, ...extra }));
    expect(skipped).toEqual([]);
    expect(items[0]).toMatchObject(expected);
  });
});

describe('parseClaimReviewDocument: items refused, with their reason', () => {
  const url = 'https://factuel.afp.com/check-1';
  it.each<[string, unknown, { index: number; url: string | null; reason: string }[]]>([
    [
      'a script tag in claimReviewed',
      review(1, { claimReviewed: 'Vrai <script>alert(1)</script>' }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'markup hidden behind entities',
      review(1, { claimReviewed: 'Vrai &lt;img src=x onerror=alert(1)&gt;' }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'an HTML comment in the claim',
      review(1, { claimReviewed: 'Vrai <!-- x -->' }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'markup in the claimant',
      review(1, { itemReviewed: { author: { '@type': 'Person', name: '<b>Jean</b>' } } }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'markup in the publisher name',
      review(1, { author: { '@type': 'Organization', name: 'AFP</a><a href=x>' } }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'markup in the rating name',
      review(1, { reviewRating: { alternateName: '<svg onload=alert(1)>' } }),
      [{ index: 0, url, reason: 'markup_in_text' }],
    ],
    [
      'a javascript: url',
      review(1, { url: 'javascript:alert(1)' }),
      [{ index: 0, url: null, reason: 'invalid_url' }],
    ],
    [
      'a data: url',
      review(1, { url: 'data:text/html;base64,PHNjcmlwdD4=' }),
      [{ index: 0, url: null, reason: 'invalid_url' }],
    ],
    [
      'a relative url',
      review(1, { url: '/check-1' }),
      [{ index: 0, url: null, reason: 'invalid_url' }],
    ],
    [
      'a url over 2048 characters',
      review(1, { url: `https://x.org/${'a'.repeat(2048)}` }),
      [{ index: 0, url: null, reason: 'invalid_url' }],
    ],
    ['no url', review(1, { url: undefined }), [{ index: 0, url: null, reason: 'missing_url' }]],
    ['an empty url', review(1, { url: ' ' }), [{ index: 0, url: null, reason: 'missing_url' }]],
    [
      'no claimReviewed and no itemReviewed name',
      review(1, { claimReviewed: undefined, itemReviewed: { '@type': 'Claim' } }),
      [{ index: 0, url, reason: 'missing_claim' }],
    ],
    [
      'a claim of 2,001 characters',
      review(1, { claimReviewed: 'a'.repeat(CLAIM_TEXT_MAX + 1) }),
      [{ index: 0, url, reason: 'text_too_long' }],
    ],
    [
      'the same url twice (the first kept)',
      [review(1), review(2), review(1, { claimReviewed: 'Another' })],
      [{ index: 2, url, reason: 'duplicate' }],
    ],
    [
      'a non-ClaimReview entry in an array, counted in the positions',
      [{ '@type': 'Article', url }, review(2), review(3, { url: 'ftp://x.org/' })],
      [
        { index: 0, url: null, reason: 'not_claim_review' },
        { index: 2, url: null, reason: 'invalid_url' },
      ],
    ],
    [
      'a DataFeedItem holding no ClaimReview',
      {
        '@type': 'DataFeed',
        dataFeedElement: [
          { '@type': 'DataFeedItem', item: { '@type': 'NewsArticle' } },
          { '@type': 'DataFeedItem' },
          review(2),
        ],
      },
      [
        { index: 0, url: null, reason: 'not_claim_review' },
        { index: 1, url: null, reason: 'not_claim_review' },
      ],
    ],
  ])('%s', (_name, document, skipped) => {
    expect(parse(json(document)).skipped).toEqual(skipped);
  });

  it('returns no items but the reasons when everything was refused', () => {
    expect(parse(json([{ '@type': 'Article' }]))).toEqual({
      items: [],
      skipped: [{ index: 0, url: null, reason: 'not_claim_review' }],
    });
  });
});

describe('parseClaimReviewDocument: documents refused whole', () => {
  afterEach(() => vi.restoreAllMocks());

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const deep = { maxItems: 100, maxCharacters: 1_000_000 };

  it.each<[string, string, typeof LIMITS, { code: string; limit?: number } | null]>([
    [
      '10 MB over a 2 MiB limit',
      '['.repeat(10_000_000),
      LIMITS,
      { code: 'too_large', limit: LIMITS.maxCharacters },
    ],
    ['plain text', 'not json', LIMITS, { code: 'not_json' }],
    ['broken JSON', '{"@type": "ClaimReview",', LIMITS, { code: 'not_json' }],
    [
      'an HTML page without ld+json',
      page('<script>var a = 1;</script>'),
      LIMITS,
      { code: 'not_json' },
    ],
    [
      'an HTML page whose only block is broken',
      page(ldJson('{oops')),
      LIMITS,
      { code: 'not_json' },
    ],
    [
      '100,000 levels of nesting',
      nested(100_000),
      deep,
      { code: 'too_deep', limit: DOCUMENT_MAX_DEPTH },
    ],
    [
      'a ClaimReview one level too deep',
      json({ '@graph': [review(1, { x: JSON.parse(nested(DOCUMENT_MAX_DEPTH - 2)) })] }),
      LIMITS,
      { code: 'too_deep', limit: DOCUMENT_MAX_DEPTH },
    ],
    [
      'too deep inside an HTML block',
      page(ldJson(nested(DOCUMENT_MAX_DEPTH + 1))),
      LIMITS,
      { code: 'too_deep', limit: DOCUMENT_MAX_DEPTH },
    ],
    // Exactly at the limit is read: the document has no ClaimReview, not too many levels.
    [
      'nesting exactly at the limit',
      nested(DOCUMENT_MAX_DEPTH),
      LIMITS,
      { code: 'no_claim_reviews' },
    ],
    [
      'more ClaimReviews than maxItems',
      json([review(1), review(2), review(3)]),
      { maxItems: 2, maxCharacters: 10_000 },
      { code: 'too_many_items', limit: 2 },
    ],
    [
      'exactly maxItems ClaimReviews',
      json([review(1), review(2)]),
      { maxItems: 2, maxCharacters: 10_000 },
      null,
    ],
    ['an Article', json({ '@type': 'Article' }), LIMITS, { code: 'no_claim_reviews' }],
    [
      'a ClaimReview under an arbitrary property (not searched)',
      json({ '@type': 'WebPage', mainEntity: review(1) }),
      LIMITS,
      { code: 'no_claim_reviews' },
    ],
    [
      'an HTML page with only page nodes',
      page(ldJson(json([{ '@type': 'WebSite' }, { '@type': 'Organization' }]))),
      LIMITS,
      { code: 'no_claim_reviews' },
    ],
    [
      'an empty DataFeed',
      json({ '@type': 'DataFeed', dataFeedElement: [] }),
      LIMITS,
      { code: 'no_claim_reviews' },
    ],
  ])('%s', (_name, text, limits, expected) => {
    expect(refusal(text, limits)).toEqual(expected);
  });

  it('refuses a document too large before parsing it', () => {
    const jsonParse = vi.spyOn(JSON, 'parse');
    expect(refusal(json(review(1)) + ' '.repeat(10_000_000), LIMITS)?.code).toBe('too_large');
    expect(jsonParse).not.toHaveBeenCalled();
  });
});

describe('normaliseRating', () => {
  it.each<[string, number | null, number | null, number | null, Rating | null]>([
    ['1–5: 1', 1, 5, 1, 'false'],
    ['1–5: 2', 2, 5, 1, 'misleading'],
    ['1–5: 3 (half true)', 3, 5, 1, null],
    ['1–5: 4', 4, 5, 1, 'mostly_true'],
    ['1–5: 5', 5, 5, 1, 'true'],
    ['0–10: 0', 0, 10, 0, 'false'],
    ['0–10: 1', 1, 10, 0, 'false'],
    ['0–10: 1.25 (a cut point)', 1.25, 10, 0, 'misleading'],
    ['0–10: 3', 3, 10, 0, 'misleading'],
    ['0–10: 3.75 (a cut point)', 3.75, 10, 0, null],
    ['0–10: 6.25 (the top of the middle)', 6.25, 10, 0, null],
    ['0–10: 7', 7, 10, 0, 'mostly_true'],
    ['0–10: 8.75 (a cut point)', 8.75, 10, 0, 'true'],
    ['0–10: 10', 10, 10, 0, 'true'],
    ['reversed (best 1, worst 5): 1', 1, 1, 5, 'true'],
    ['reversed (best 1, worst 5): 2', 2, 1, 5, 'mostly_true'],
    ['reversed (best 1, worst 5): 4', 4, 1, 5, 'misleading'],
    ['reversed (best 1, worst 5): 5', 5, 1, 5, 'false'],
    ['no value', null, 5, 1, null],
    ['no best', 1, null, 1, null],
    ['no worst', 1, 5, null, null],
    ['best equal to worst', 3, 3, 3, null],
    ['above the scale', 6, 5, 1, null],
    ['below the scale', 0, 5, 1, null],
    ['not a number', Number.NaN, 5, 1, null],
    ['an infinite scale', 1, Number.POSITIVE_INFINITY, 1, null],
  ])('%s', (_name, value, best, worst, expected) => {
    expect(normaliseRating(value, best, worst)).toBe(expected);
  });
});

describe("FactDesk's own ClaimReview export reads back as the same rating", () => {
  it.each<[Rating, Rating | null]>([
    ['false', 'false'],
    ['misleading', 'misleading'],
    ['mostly_true', 'mostly_true'],
    ['true', 'true'],
    // No ratingValue is published for it: only its words come back.
    ['unverifiable', null],
  ])('%s', (rating, expected) => {
    const reviewRating = { '@type': 'Rating', ...claimReviewRating(rating, 'en') };
    const [item] = parse(json(review(1, { reviewRating }))).items;
    expect(item.rating).toBe(expected);
    expect(item.ratingName).toBe(reviewRating.alternateName);
    // Through the document's numbers as well: they are read as published.
    expect(normaliseRating(item.ratingValue, item.bestRating, item.worstRating)).toBe(expected);
  });
});
