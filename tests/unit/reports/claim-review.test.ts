// ClaimReview against Google's fact-check markup
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck): every object
// the builders produce must be free of errors, missing recommended properties are reported
// separately, and the numeric mapping documented in verdict-scale.ts is the one the code uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAIM_REVIEWED_ADVISED_LENGTH, shortClaim } from '@/lib/reports/claim-review';
import {
  CLAIM_REVIEW_BEST_RATING,
  CLAIM_REVIEW_RATING_VALUES,
  CLAIM_REVIEW_WORST_RATING,
  RATINGS,
  checkClaimReview,
  claimReviewRating,
  teamToClaimReview,
  toClaimReview,
  validateClaimReview,
  type Rating,
  type ReportArticle,
  type ReportClaim,
  type ReportData,
} from '@/lib/reports';

function claim(rating: Rating, index: number, patch: Partial<ReportClaim> = {}): ReportClaim {
  return {
    sentenceId: `sen_${index}`,
    index,
    text: `Affirmation ${index}.`,
    rating,
    rationale: 'Parce que.',
    reviewer: { name: 'Léa' },
    reviewedAt: '2025-03-04T08:05:00.000Z',
    approver: { name: 'Hugo' },
    approvedAt: '2025-03-04T09:00:00.000Z',
    resolution: false,
    sources: [],
    ...patch,
  };
}

function data(article: Partial<ReportArticle> = {}, claims?: ReportClaim[]): ReportData {
  return {
    article: {
      id: 'art_1',
      title: 'Titre',
      language: 'fr',
      sourceUrl: 'https://news.example.fr/monde/pacte',
      publisher: 'Le Quotidien',
      partial: false,
      sentenceCount: 12,
      author: 'Camille Martin',
      publishedAt: '2025-02-28',
      ...article,
    },
    organization: 'Cellule vérif',
    organizationUrl: 'https://verif.example.org/',
    factCheckUrl: 'https://factdesk.example.org/articles/art_1',
    generatedAt: '2025-03-05T10:00:00.000Z',
    claims: claims ?? RATINGS.map((rating, i) => claim(rating, i)),
  };
}

/** Article metadata variants, from fully known to nothing known beyond the title. */
const ARTICLES: [string, Partial<ReportArticle>][] = [
  ['full metadata', {}],
  ['no byline', { author: null }],
  ['no publication date', { publishedAt: null }],
  ['an invalid publication date', { publishedAt: '2025-02-30' }],
  ['a publication date that is not a date', { publishedAt: 'hier' }],
  ['no publisher', { publisher: '  ' }],
  ['no URL', { sourceUrl: null }],
  ['English', { language: 'en-GB' }],
  [
    'nothing known',
    { author: undefined, publishedAt: undefined, publisher: null, sourceUrl: null },
  ],
];

describe('ClaimReview builders against Google’s markup', () => {
  it.each(ARTICLES)('produce no error for an article with %s', (_name, article) => {
    const reviews = toClaimReview(data(article));
    expect(reviews).toHaveLength(RATINGS.length - 1);
    for (const review of [...reviews, ...reviews.map((r) => JSON.parse(JSON.stringify(r)))]) {
      expect(checkClaimReview(review).errors).toEqual([]);
      expect(validateClaimReview(review)).toEqual([]);
    }
  });

  it('produce no error for a team report either', () => {
    const reviews = teamToClaimReview({
      team: 'Cellule vérif',
      generatedAt: '2025-03-05T10:00:00.000Z',
      filters: {},
      articles: ARTICLES.map(([, article]) => data(article)),
    });
    expect(reviews).toHaveLength(ARTICLES.length * (RATINGS.length - 1));
    for (const review of reviews) {
      expect(checkClaimReview(review).errors).toEqual([]);
      expect(validateClaimReview(review)).toEqual([]);
    }
  });

  it('fill every recommended property when the article is fully known', () => {
    const [review] = toClaimReview(data());
    expect(checkClaimReview(review)).toEqual({ errors: [], warnings: [] });
    expect(review.reviewRating.name).toBe(review.reviewRating.alternateName);
    const unnamed = { ...review, reviewRating: { ...review.reviewRating, name: undefined } };
    expect(checkClaimReview(unnamed).warnings).toEqual([
      "reviewRating.name (the verdict, as the rating's name) is recommended.",
    ]);
    expect(review.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'Le Quotidien' },
      datePublished: '2025-02-28',
      appearance: [
        {
          '@type': 'CreativeWork',
          url: 'https://news.example.fr/monde/pacte',
          author: { '@type': 'Person', name: 'Camille Martin' },
          datePublished: '2025-02-28',
        },
      ],
    });
  });

  it.each<[string, Partial<ReportArticle>, string[]]>([
    ['no byline', { author: null }, []],
    [
      'no publication date',
      { publishedAt: null },
      ['itemReviewed.datePublished (when the claim was made) is recommended.'],
    ],
    [
      'an invalid publication date',
      { publishedAt: '2025-02-30' },
      ['itemReviewed.datePublished (when the claim was made) is recommended.'],
    ],
    [
      'no publisher',
      { publisher: null },
      ['itemReviewed.author (who made the claim) is recommended.'],
    ],
    [
      'no URL',
      { sourceUrl: null },
      ['itemReviewed.appearance or firstAppearance (where the claim was made) is recommended.'],
    ],
  ])('warn about what is unknown about an article with %s', (_name, article, warnings) => {
    const [review] = toClaimReview(data(article));
    expect(checkClaimReview(review)).toEqual({ errors: [], warnings });
  });
});

describe('the fact-checker as ClaimReview author', () => {
  it('names the organisation with its site and logo when the team gave them', () => {
    const [review] = toClaimReview({
      ...data(),
      organizationLogo: 'https://verif.example.org/l.png',
    });
    expect(review.author).toEqual({
      '@type': 'Organization',
      name: 'Cellule vérif',
      url: 'https://verif.example.org/',
      logo: 'https://verif.example.org/l.png',
    });
    expect(checkClaimReview(review)).toEqual({ errors: [], warnings: [] });
  });

  it('recommends the site when the team has not given one, and refuses a bad one', () => {
    const [unsigned] = toClaimReview({ ...data(), organizationUrl: null });
    expect(unsigned.author).toEqual({ '@type': 'Organization', name: 'Cellule vérif' });
    expect(checkClaimReview(unsigned).warnings).toEqual([
      'author.url (the organization’s site) is recommended.',
    ]);
    // Not a defect of the markup: what the team has not said yet.
    expect(validateClaimReview(unsigned)).toEqual([]);
    const bad = { ...unsigned, author: { ...unsigned.author, url: 'javascript:alert(1)' } };
    expect(checkClaimReview(bad).errors).toEqual(['author.url must be an absolute http(s) URL.']);
  });
});

describe('checkClaimReview', () => {
  const good = () =>
    JSON.parse(JSON.stringify(toClaimReview(data())[0])) as Record<string, unknown>;
  const patched = (patch: (review: Record<string, unknown>) => void) => {
    const review = good();
    patch(review);
    return review;
  };
  const rating = (review: Record<string, unknown>) =>
    review.reviewRating as Record<string, unknown>;
  const claimOf = (review: Record<string, unknown>) =>
    review.itemReviewed as Record<string, unknown>;

  it.each<[string, Record<string, unknown>, string[], boolean]>([
    // [case, object, expected warnings, also reported by validateClaimReview]
    [
      'no datePublished',
      patched((r) => delete r.datePublished),
      ['datePublished is recommended.'],
      true,
    ],
    [
      'no itemReviewed',
      patched((r) => delete r.itemReviewed),
      ['itemReviewed (the Claim) is recommended.'],
      true,
    ],
    [
      'no bestRating with a ratingValue',
      patched((r) => delete rating(r).bestRating),
      ['reviewRating.bestRating is recommended with a ratingValue.'],
      true,
    ],
    [
      'no worstRating with a ratingValue',
      patched((r) => delete rating(r).worstRating),
      ['reviewRating.worstRating is recommended with a ratingValue.'],
      true,
    ],
    [
      'no scale and no ratingValue',
      patched((r) => {
        delete rating(r).ratingValue;
        delete rating(r).bestRating;
        delete rating(r).worstRating;
      }),
      [],
      false,
    ],
    [
      'no claim author',
      patched((r) => delete claimOf(r).author),
      ['itemReviewed.author (who made the claim) is recommended.'],
      false,
    ],
    [
      'no claim date',
      patched((r) => delete claimOf(r).datePublished),
      ['itemReviewed.datePublished (when the claim was made) is recommended.'],
      false,
    ],
    [
      'no appearance',
      patched((r) => delete claimOf(r).appearance),
      ['itemReviewed.appearance or firstAppearance (where the claim was made) is recommended.'],
      false,
    ],
    [
      'a firstAppearance instead of appearance',
      patched((r) => {
        const item = claimOf(r);
        item.firstAppearance = { '@type': 'CreativeWork', url: 'https://a.example/x' };
        delete item.appearance;
      }),
      [],
      false,
    ],
    [
      'a firstAppearance given as a URL',
      patched((r) => (claimOf(r).firstAppearance = 'https://a.example/x')),
      [],
      false,
    ],
  ])('reports %s as a missing recommended property', (_name, review, warnings, inValidate) => {
    const result = checkClaimReview(review);
    expect(result).toEqual({ errors: [], warnings });
    expect(validateClaimReview(review)).toEqual(inValidate ? warnings : []);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'ClaimReview', /JSON object/],
    ['no claimReviewed', patched((r) => delete r.claimReviewed), /claimReviewed is required/],
    ['no reviewRating', patched((r) => delete r.reviewRating), /reviewRating is required/],
    [
      'no textual verdict',
      patched((r) => delete rating(r).alternateName),
      /alternateName \(the textual verdict\) is required/,
    ],
    ['no url', patched((r) => delete r.url), /url is required/],
    ['a relative url', patched((r) => (r.url = '/a#sentence-1')), /url is required/],
    ['no author', patched((r) => delete r.author), /author\.name/],
    [
      'an author without name',
      patched((r) => (r.author = { '@type': 'Organization', name: ' ' })),
      /author\.name/,
    ],
    [
      'a bestRating as text',
      patched((r) => (rating(r).bestRating = 'cinq')),
      /bestRating must be a number/,
    ],
    ['an inverted scale', patched((r) => (rating(r).worstRating = 9)), /worstRating must be lower/],
    [
      'a ratingValue off the scale',
      patched((r) => (rating(r).ratingValue = 0)),
      /ratingValue must lie/,
    ],
    [
      'a bad date',
      patched((r) => (r.datePublished = '28/02/2025')),
      /datePublished must be an ISO/,
    ],
    [
      'a bad claim date',
      patched((r) => (claimOf(r).datePublished = 'février')),
      /itemReviewed\.datePublished must be/,
    ],
    [
      'a claim author without name',
      patched((r) => (claimOf(r).author = {})),
      /itemReviewed\.author must have a name/,
    ],
    [
      'a relative appearance',
      patched((r) => (claimOf(r).appearance = ['/x'])),
      /appearance must hold absolute/,
    ],
    [
      'an empty appearance list',
      patched((r) => (claimOf(r).appearance = [])),
      /appearance must hold absolute/,
    ],
    [
      'a javascript: firstAppearance',
      patched((r) => (claimOf(r).firstAppearance = 'javascript:alert(1)')),
      /firstAppearance must be/,
    ],
  ])('reports %s as an error', (_name, review, problem) => {
    const { errors } = checkClaimReview(review);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(problem);
    // validateClaimReview reports every error too.
    for (const error of errors) expect(validateClaimReview(review)).toContain(error);
  });
});

describe('ClaimReview rating mapping documented in verdict-scale.ts', () => {
  const source = readFileSync(
    fileURLToPath(new URL('../../../lib/reports/verdict-scale.ts', import.meta.url)),
    'utf8',
  );
  /** The "rating → value" lines of the documentation comment. */
  const documented = Object.fromEntries(
    [...source.matchAll(/^\s*\*\s+(\w+)\s+→\s+(.+)$/gm)].map(([, rating, value]) => [
      rating,
      value.trim(),
    ]),
  );

  it('documents every rating and the scale bounds', () => {
    expect(Object.keys(documented).sort()).toEqual([...RATINGS].sort());
    expect(source).toMatch(
      new RegExp(
        `worstRating = ${CLAIM_REVIEW_WORST_RATING}, bestRating = ${CLAIM_REVIEW_BEST_RATING}`,
      ),
    );
  });

  it.each<[Rating, number | undefined, boolean]>([
    ['false', 1, true],
    ['misleading', 2, true],
    ['mostly_true', 4, true],
    ['true', 5, true],
    ['unverifiable', undefined, true],
    ['not_a_claim', undefined, false],
  ])('maps %s to %s (published: %s) as documented', (rating, value, published) => {
    expect(CLAIM_REVIEW_RATING_VALUES[rating]).toBe(value);
    expect(claimReviewRating(rating).ratingValue).toBe(value);
    if (value === undefined) {
      expect(documented[rating]).toMatch(published ? /^no ratingValue/ : /^not published/);
    } else {
      expect(documented[rating]).toBe(String(value));
    }
    const reviews = toClaimReview(data({}, [claim(rating, 0)]));
    expect(reviews).toHaveLength(published ? 1 : 0);
    if (published) {
      expect(reviews[0].reviewRating).toEqual({
        '@type': 'Rating',
        ...(value === undefined ? {} : { ratingValue: value }),
        bestRating: 5,
        worstRating: 1,
        alternateName: claimReviewRating(rating).alternateName,
        name: claimReviewRating(rating).alternateName,
      });
    }
  });
});

describe('claimReviewed: short, as Google advises', () => {
  const long =
    'Les informations des agences d’espionnage américaines et sud-coréennes parlent de cinq millions de projectiles transportés par fret.';

  it('keeps a short sentence as it is', () => {
    expect(shortClaim('  Le chômage a baissé de 3 %.  ', 'fr')).toBe('Le chômage a baissé de 3 %.');
  });

  it('cuts a long one at a word boundary, under 75 characters, with an ellipsis', () => {
    const short = shortClaim(long, 'fr');
    expect([...short].length).toBeLessThanOrEqual(CLAIM_REVIEWED_ADVISED_LENGTH);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    // The next character of the sentence is not a letter: no word was cut in two.
    expect(long[short.length - 1]).toMatch(/[\s,.]/u);
    expect(short).toBe('Les informations des agences d’espionnage américaines et sud-coréennes…');
  });

  it('cuts a single word too long for the limit where it must', () => {
    const word = 'a'.repeat(200);
    expect(shortClaim(word, 'en')).toBe(`${'a'.repeat(74)}…`);
  });

  it('is what the ClaimReview says, and the validator accepts it', () => {
    const base = data();
    const [review] = toClaimReview({
      ...base,
      claims: [{ ...base.claims[0]!, text: long }],
    });
    expect(review.claimReviewed).toBe(shortClaim(long, 'fr'));
    expect(checkClaimReview(review).errors).toEqual([]);
  });
});
