// schema.org ClaimReview JSON-LD, following Google's fact-check markup guide
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck). One object
// per verified claim, to embed in the public fact-check page or to hand to fact-check
// aggregators (Google Fact Check Explorer and others read the same markup). The numeric scale
// and why some verdicts have no ratingValue are documented in verdict-scale.ts.
// claimReviewWriter prints `stringifyJsonLd(toClaimReview(data), 2)` one claim at a time: JSON-LD
// that can be embedded in `<script type="application/ld+json">` as is (lib/text/json-ld.ts).
import { escapeJsonLd } from '@/lib/text/json-ld';
import type { ReportClaim, ReportData, ReportHead } from './types';
import {
  CLAIM_REVIEW_BEST_RATING,
  CLAIM_REVIEW_WORST_RATING,
  claimReviewRating,
  type ClaimReviewRatingValues,
} from './verdict-scale';
import { indentedJson, type ReportWriter } from './writer';

export interface SchemaOrganization {
  '@type': 'Organization';
  name: string;
  /** The organisation's site (the fact-checker's; unknown for a claimant). */
  url?: string;
  logo?: string;
}

export interface SchemaPerson {
  '@type': 'Person';
  name: string;
}

export interface SchemaCreativeWork {
  '@type': 'CreativeWork';
  url: string;
  /** The article's byline, when known. */
  author?: SchemaPerson;
  /** The article's publication day (YYYY-MM-DD), when known. */
  datePublished?: string;
}

export interface SchemaClaim {
  '@type': 'Claim';
  /** Who made the claim: the claimant the fact-checker named, else the article's publisher. */
  author?: SchemaOrganization | SchemaPerson;
  /** When the claim was made: the claim's date, else the article's publication day. */
  datePublished?: string;
  /** Where the claim appeared: the address the fact-checker gave, else the article. */
  appearance?: SchemaCreativeWork[];
}

export interface SchemaRating extends ClaimReviewRatingValues {
  '@type': 'Rating';
  /** The verdict's name (the same words as alternateName). */
  name: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished?: string;
  author: SchemaOrganization;
  reviewRating: SchemaRating;
  itemReviewed: SchemaClaim;
  inLanguage: string;
}

/**
 * Each claim gets its own URL: the fact-check page plus a `#sentence-N` fragment (N is the
 * 1-based sentence number readers see), replacing any fragment the page URL already had.
 */
function claimUrl(factCheckUrl: string, claim: ReportClaim): string {
  const fragment = `sentence-${claim.index + 1}`;
  try {
    const url = new URL(factCheckUrl);
    url.hash = fragment;
    return url.toString();
  } catch {
    // Not an absolute URL: keep it as given so validateClaimReview reports it.
    return `${factCheckUrl.split('#')[0]}#${fragment}`;
  }
}

/** YYYY-MM-DD (UTC) of an ISO date-time, or undefined when it is not a date. */
function isoDay(value: string): string | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** The article's publication day when it is a real YYYY-MM-DD date, else undefined. */
function articleDay(value: string | null | undefined): string | undefined {
  const day = value?.trim();
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) && isoDay(day) === day ? day : undefined;
}

const WORD_SEGMENTERS = new Map<string, Intl.Segmenter>();

/** A word segmenter for `language` (the root locale's when the tag is invalid), made once. */
function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = WORD_SEGMENTERS.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    // A handful of languages in practice; bounded anyway.
    if (WORD_SEGMENTERS.size < 100) WORD_SEGMENTERS.set(language, segmenter);
  }
  return segmenter;
}

/** Google's advice for `claimReviewed`: under 75 characters, not to wrap on a phone. */
export const CLAIM_REVIEWED_ADVISED_LENGTH = 75;

/**
 * The claim as `claimReviewed` says it: the sentence when it is short enough, else the sentence
 * cut at the last word boundary that leaves room for « … » (Intl.Segmenter's words in the
 * article's language), never in the middle of a word unless one word alone is too long.
 */
export function shortClaim(text: string, language: string): string {
  const claim = text.trim();
  if ([...claim].length <= CLAIM_REVIEWED_ADVISED_LENGTH) return claim;
  const room = CLAIM_REVIEWED_ADVISED_LENGTH - 1;
  const segmenter = wordSegmenter(language);
  let cut = 0;
  // Characters (code points) up to the end of the current segment, counted as we go.
  let length = 0;
  for (const { segment, index, isWordLike } of segmenter.segment(claim)) {
    length += [...segment].length;
    if (length > room) break;
    if (isWordLike) cut = index + segment.length;
  }
  const kept = cut > 0 ? claim.slice(0, cut) : [...claim].slice(0, room).join('');
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`;
}

function ratingOf(claim: ReportClaim, language: string): SchemaRating {
  const values = claimReviewRating(claim.rating, language);
  return { '@type': 'Rating', ...values, name: values.alternateName };
}

function claimReview(claim: ReportClaim, data: Omit<ReportData, 'claims'>): ClaimReview {
  const { article } = data;
  const fields = claim.claim;
  const publisher = article.publisher?.trim();
  const byline = article.author?.trim();
  const published = articleDay(article.publishedAt);
  const itemReviewed: SchemaClaim = { '@type': 'Claim' };
  const claimant = fields?.claimant?.trim();
  if (claimant) {
    itemReviewed.author = {
      '@type': fields?.claimantKind === 'organization' ? 'Organization' : 'Person',
      name: claimant,
    };
  } else if (publisher) {
    itemReviewed.author = { '@type': 'Organization', name: publisher };
  }
  // The claim entered public discourse, at the latest, when the article was published.
  const said = articleDay(fields?.date) ?? published;
  if (said) itemReviewed.datePublished = said;
  if (fields?.appearanceUrl) {
    itemReviewed.appearance = [{ '@type': 'CreativeWork', url: fields.appearanceUrl }];
  } else if (article.sourceUrl) {
    const appearance: SchemaCreativeWork = { '@type': 'CreativeWork', url: article.sourceUrl };
    if (byline) appearance.author = { '@type': 'Person', name: byline };
    if (published) appearance.datePublished = published;
    itemReviewed.appearance = [appearance];
  }
  // A verdict is published on the day it is approved, not the day it was written.
  const datePublished = isoDay(claim.approvedAt);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl(data.factCheckUrl, claim),
    // Google advises a short summary; the sentence in full is the appearance's text.
    claimReviewed: fields?.summary?.trim() || shortClaim(claim.text, article.language),
    ...(datePublished ? { datePublished } : {}),
    author: {
      '@type': 'Organization',
      name: data.organization,
      ...(data.organizationUrl ? { url: data.organizationUrl } : {}),
      ...(data.organizationLogo ? { logo: data.organizationLogo } : {}),
    },
    // The verdict's name in the team's publication language, like the review around it: the
    // textual rating (alternateName) and, as schema.org's Thing, the rating's name.
    reviewRating: ratingOf(claim, data.publicationLanguage ?? article.language),
    itemReviewed,
    inLanguage: data.publicationLanguage ?? article.language,
  };
}

/**
 * One ClaimReview per verified claim, in text order. Sentences rated `not_a_claim` are left out:
 * they are not claims, so there is nothing to review.
 */
export function toClaimReview(data: ReportData): ClaimReview[] {
  return data.claims.filter(isReviewable).map((claim) => claimReview(claim, data));
}

function isReviewable(claim: ReportClaim): boolean {
  return claim.rating !== 'not_a_claim';
}

/**
 * The ClaimReview list (`stringifyJsonLd(toClaimReview(data), 2)`) written claim by claim; a
 * `not_a_claim` sentence writes nothing, the comma goes before every object but the first.
 */
export function claimReviewWriter(head: ReportHead): ReportWriter {
  let written = 0;
  return {
    start: () => '[',
    item(claim) {
      if (!isReviewable(claim)) return '';
      const review = escapeJsonLd(indentedJson(claimReview(claim, head), 1));
      return `${written++ === 0 ? '' : ','}\n  ${review}`;
    },
    end: () => (written === 0 ? ']' : '\n]'),
  };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isAbsoluteHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

// ISO 8601 date or date-time, as schema.org Date/DateTime expect.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Result of checking a ClaimReview against Google's fact-check markup. `errors`: a required
 * property is missing, or a property has an invalid value; the markup would be rejected.
 * `warnings`: a recommended property is missing; the markup is valid but less useful.
 */
export interface ClaimReviewCheck {
  errors: string[];
  warnings: string[];
}

/**
 * Collects problems. Recommended properties of the Claim (who made it, when, where) depend on
 * what the team knows about the article, so they are kept apart: validateClaimReview leaves them
 * out, checkClaimReview reports them as warnings.
 */
interface Problems {
  error(message: string): void;
  /** A recommended property FactDesk can always fill. */
  recommended(message: string): void;
  /** A recommended property that needs data the team may not have (the claim's origin). */
  recommendedWhenKnown(message: string): void;
}

function validateRating(rating: unknown, problems: Problems): void {
  if (!isRecord(rating)) {
    problems.error('reviewRating is required (a Rating object).');
    return;
  }
  if (rating['@type'] !== 'Rating') problems.error('reviewRating["@type"] must be "Rating".');
  // Google shows the textual verdict in results and requires it; the number is optional.
  if (!isNonEmptyString(rating.alternateName)) {
    problems.error('reviewRating.alternateName (the textual verdict) is required.');
  }
  if (!isNonEmptyString(rating.name)) {
    problems.recommended("reviewRating.name (the verdict, as the rating's name) is recommended.");
  }
  for (const key of ['bestRating', 'worstRating', 'ratingValue'] as const) {
    if (rating[key] !== undefined && !isNumber(rating[key])) {
      problems.error(`reviewRating.${key} must be a number.`);
    }
  }
  if (rating.ratingValue !== undefined) {
    // Any numeric scale must be declared, not left to schema.org's defaults (1–5).
    if (rating.bestRating === undefined) {
      problems.recommended('reviewRating.bestRating is recommended with a ratingValue.');
    }
    if (rating.worstRating === undefined) {
      problems.recommended('reviewRating.worstRating is recommended with a ratingValue.');
    }
  }
  const best = rating.bestRating ?? CLAIM_REVIEW_BEST_RATING;
  const worst = rating.worstRating ?? CLAIM_REVIEW_WORST_RATING;
  if (isNumber(best) && isNumber(worst) && worst >= best) {
    problems.error('reviewRating.worstRating must be lower than bestRating.');
  }
  if (
    isNumber(rating.ratingValue) &&
    isNumber(best) &&
    isNumber(worst) &&
    (rating.ratingValue < worst || rating.ratingValue > best)
  ) {
    problems.error('reviewRating.ratingValue must lie between worstRating and bestRating.');
  }
}

/** A URL, or a CreativeWork with an absolute http(s) url (one value or a list). */
function isAppearance(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return (
    values.length > 0 &&
    values.every((item) => (isRecord(item) ? isAbsoluteHttpUrl(item.url) : isAbsoluteHttpUrl(item)))
  );
}

function validateClaim(item: unknown, problems: Problems): void {
  if (item === undefined) {
    problems.recommended('itemReviewed (the Claim) is recommended.');
    return;
  }
  if (!isRecord(item) || item['@type'] !== 'Claim') {
    problems.error('itemReviewed must be an object with "@type": "Claim".');
    return;
  }
  if (item.author === undefined) {
    problems.recommendedWhenKnown('itemReviewed.author (who made the claim) is recommended.');
  } else if (!(isRecord(item.author) && isNonEmptyString(item.author.name))) {
    problems.error('itemReviewed.author must have a name.');
  }
  if (item.datePublished === undefined) {
    problems.recommendedWhenKnown(
      'itemReviewed.datePublished (when the claim was made) is recommended.',
    );
  } else if (!isIsoDate(item.datePublished)) {
    problems.error('itemReviewed.datePublished must be an ISO 8601 date.');
  }
  if (item.appearance === undefined && item.firstAppearance === undefined) {
    problems.recommendedWhenKnown(
      'itemReviewed.appearance or firstAppearance (where the claim was made) is recommended.',
    );
  }
  if (item.appearance !== undefined && !isAppearance(item.appearance)) {
    problems.error('itemReviewed.appearance must hold absolute http(s) URLs.');
  }
  if (item.firstAppearance !== undefined && !isAppearance(item.firstAppearance)) {
    problems.error('itemReviewed.firstAppearance must be an absolute http(s) URL.');
  }
}

function inspect(obj: unknown, problems: Problems): void {
  if (!isRecord(obj)) {
    problems.error('A ClaimReview must be a JSON object.');
    return;
  }
  const context = obj['@context'];
  if (typeof context !== 'string' || !/^https?:\/\/schema\.org\/?$/.test(context)) {
    problems.error('"@context" must be "https://schema.org".');
  }
  if (obj['@type'] !== 'ClaimReview') problems.error('"@type" must be "ClaimReview".');
  if (!isNonEmptyString(obj.claimReviewed)) problems.error('claimReviewed is required.');
  validateRating(obj.reviewRating, problems);
  if (!isAbsoluteHttpUrl(obj.url)) {
    problems.error('url is required and must be an absolute http(s) URL.');
  }
  // Recommended by Google, required by FactDesk: a fact-check is always signed by its team.
  if (!isRecord(obj.author) || !isNonEmptyString(obj.author.name)) {
    problems.error('author.name (the fact-checking organization) is required.');
  } else if (obj.author.url === undefined) {
    // The team's site: set in its publication settings, so it may not be known yet.
    problems.recommendedWhenKnown('author.url (the organization’s site) is recommended.');
  } else if (!isAbsoluteHttpUrl(obj.author.url)) {
    problems.error('author.url must be an absolute http(s) URL.');
  }
  if (obj.datePublished === undefined) {
    problems.recommended('datePublished is recommended.');
  } else if (!isIsoDate(obj.datePublished)) {
    problems.error('datePublished must be an ISO 8601 date.');
  }
  validateClaim(obj.itemReviewed, problems);
}

/**
 * Checks a ClaimReview object against Google's fact-check markup
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 * - errors: required properties (claimReviewed, reviewRating with its textual verdict
 *   alternateName, an absolute http(s) url), the author name FactDesk always publishes, and any
 *   property present with an invalid value (dates, numbers, URLs, types);
 * - warnings: missing recommended properties (datePublished, itemReviewed and its author,
 *   datePublished and appearance/firstAppearance, bestRating/worstRating with a ratingValue).
 * Takes `unknown` so it can check any parsed JSON-LD, not just what toClaimReview produced.
 */
export function checkClaimReview(obj: unknown): ClaimReviewCheck {
  const result: ClaimReviewCheck = { errors: [], warnings: [] };
  inspect(obj, {
    error: (message) => result.errors.push(message),
    recommended: (message) => result.warnings.push(message),
    recommendedWhenKnown: (message) => result.warnings.push(message),
  });
  return result;
}

/**
 * Human-readable problems of a ClaimReview object: checkClaimReview's errors, then the missing
 * recommended properties FactDesk can always fill (datePublished, itemReviewed,
 * bestRating/worstRating). The Claim's own recommended properties (its author, date and
 * appearance) are left out: they depend on what is known about the article, so their absence is
 * not a defect of the markup (checkClaimReview reports them as warnings). Returns [] when the
 * object is fine.
 */
export function validateClaimReview(obj: unknown): string[] {
  const errors: string[] = [];
  const recommended: string[] = [];
  inspect(obj, {
    error: (message) => errors.push(message),
    recommended: (message) => recommended.push(message),
    recommendedWhenKnown: () => {},
  });
  return [...errors, ...recommended];
}
