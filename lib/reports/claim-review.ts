// schema.org ClaimReview JSON-LD, following Google's fact-check markup guide
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck). One object
// per verified claim, to embed in the public fact-check page or to hand to fact-check
// aggregators (Google Fact Check Explorer and others read the same markup). The numeric scale
// and why some verdicts have no ratingValue are documented in verdict-scale.ts.
import type { ReportClaim, ReportData } from './types';
import {
  CLAIM_REVIEW_BEST_RATING,
  CLAIM_REVIEW_WORST_RATING,
  claimReviewRating,
  type ClaimReviewRatingValues,
} from './verdict-scale';

export interface SchemaOrganization {
  '@type': 'Organization';
  name: string;
}

export interface SchemaCreativeWork {
  '@type': 'CreativeWork';
  url: string;
}

export interface SchemaClaim {
  '@type': 'Claim';
  /** Who made the claim: the article's publisher, when known. */
  author?: SchemaOrganization;
  /** When the claim was made. ReportData has no article date yet, so it is never filled today. */
  datePublished?: string;
  /** Where the claim appeared: the article itself, when its URL is known. */
  appearance?: SchemaCreativeWork[];
}

export interface SchemaRating extends ClaimReviewRatingValues {
  '@type': 'Rating';
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

function claimReview(claim: ReportClaim, data: ReportData): ClaimReview {
  const { article } = data;
  const publisher = article.publisher?.trim();
  const itemReviewed: SchemaClaim = { '@type': 'Claim' };
  if (publisher) itemReviewed.author = { '@type': 'Organization', name: publisher };
  if (article.sourceUrl) {
    itemReviewed.appearance = [{ '@type': 'CreativeWork', url: article.sourceUrl }];
  }
  // A verdict is published on the day it is approved, not the day it was written.
  const datePublished = isoDay(claim.approvedAt);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl(data.factCheckUrl, claim),
    claimReviewed: claim.text,
    ...(datePublished ? { datePublished } : {}),
    author: { '@type': 'Organization', name: data.organization },
    reviewRating: { '@type': 'Rating', ...claimReviewRating(claim.rating, article.language) },
    itemReviewed,
    inLanguage: article.language,
  };
}

/**
 * One ClaimReview per verified claim, in text order. Sentences rated `not_a_claim` are left out:
 * they are not claims, so there is nothing to review.
 */
export function toClaimReview(data: ReportData): ClaimReview[] {
  return data.claims
    .filter((claim) => claim.rating !== 'not_a_claim')
    .map((claim) => claimReview(claim, data));
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

function validateRating(rating: unknown, problems: string[]): void {
  if (!isRecord(rating)) {
    problems.push('reviewRating is required (a Rating object).');
    return;
  }
  if (rating['@type'] !== 'Rating') problems.push('reviewRating["@type"] must be "Rating".');
  if (!isNonEmptyString(rating.alternateName)) {
    problems.push('reviewRating.alternateName (the textual verdict) is required.');
  }
  const best = rating.bestRating ?? CLAIM_REVIEW_BEST_RATING;
  const worst = rating.worstRating ?? CLAIM_REVIEW_WORST_RATING;
  if (!isNumber(best)) problems.push('reviewRating.bestRating must be a number.');
  if (!isNumber(worst)) problems.push('reviewRating.worstRating must be a number.');
  if (isNumber(best) && isNumber(worst) && worst >= best) {
    problems.push('reviewRating.worstRating must be lower than bestRating.');
  }
  if (rating.ratingValue !== undefined) {
    if (!isNumber(rating.ratingValue)) {
      problems.push('reviewRating.ratingValue must be a number.');
    } else if (
      isNumber(best) &&
      isNumber(worst) &&
      (rating.ratingValue < worst || rating.ratingValue > best)
    ) {
      problems.push('reviewRating.ratingValue must lie between worstRating and bestRating.');
    }
  }
}

function validateClaim(item: unknown, problems: string[]): void {
  if (item === undefined) {
    problems.push('itemReviewed (the Claim) is recommended.');
    return;
  }
  if (!isRecord(item) || item['@type'] !== 'Claim') {
    problems.push('itemReviewed must be an object with "@type": "Claim".');
    return;
  }
  if (item.author !== undefined && !(isRecord(item.author) && isNonEmptyString(item.author.name))) {
    problems.push('itemReviewed.author must have a name.');
  }
  if (item.datePublished !== undefined && !isIsoDate(item.datePublished)) {
    problems.push('itemReviewed.datePublished must be an ISO 8601 date.');
  }
  if (item.appearance !== undefined) {
    const appearances = Array.isArray(item.appearance) ? item.appearance : [item.appearance];
    const valid = appearances.every((appearance) =>
      isRecord(appearance) ? isAbsoluteHttpUrl(appearance.url) : isAbsoluteHttpUrl(appearance),
    );
    if (!valid) problems.push('itemReviewed.appearance must hold absolute http(s) URLs.');
  }
}

/**
 * Human-readable problems of a ClaimReview object against Google's fact-check markup: the
 * required properties (claimReviewed, reviewRating with alternateName, an absolute http(s) url)
 * plus the author name FactDesk always publishes, then the recommended ones (datePublished,
 * itemReviewed). Returns [] when the object is fine. Takes `unknown` so it can check any parsed
 * JSON-LD, not just what toClaimReview produced.
 */
export function validateClaimReview(obj: unknown): string[] {
  if (!isRecord(obj)) return ['A ClaimReview must be a JSON object.'];
  const problems: string[] = [];
  const context = obj['@context'];
  if (typeof context !== 'string' || !/^https?:\/\/schema\.org\/?$/.test(context)) {
    problems.push('"@context" must be "https://schema.org".');
  }
  if (obj['@type'] !== 'ClaimReview') problems.push('"@type" must be "ClaimReview".');
  if (!isNonEmptyString(obj.claimReviewed)) problems.push('claimReviewed is required.');
  validateRating(obj.reviewRating, problems);
  if (!isAbsoluteHttpUrl(obj.url)) {
    problems.push('url is required and must be an absolute http(s) URL.');
  }
  if (!isRecord(obj.author) || !isNonEmptyString(obj.author.name)) {
    problems.push('author.name (the fact-checking organization) is required.');
  }
  if (obj.datePublished === undefined) {
    problems.push('datePublished is recommended.');
  } else if (!isIsoDate(obj.datePublished)) {
    problems.push('datePublished must be an ISO 8601 date.');
  }
  validateClaim(obj.itemReviewed, problems);
  return problems;
}
