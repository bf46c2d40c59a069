// Reads other fact-checkers' schema.org ClaimReview JSON-LD, the material of « Déjà vérifié ? »
// matching: a file's text — one ClaimReview, an array, a `@graph`, a `DataFeed` (Google's
// fact-check feed: DataFeedItems holding ClaimReviews) or an HTML page's `application/ld+json`
// blocks. Nothing hostile is stored: an item with a non-http(s) URL, markup in a text or no claim
// is refused with its reason, never cleaned; a document too large, not JSON or nested too deeply
// is refused whole, before any work that grows with it. Pure: no database, no network.
import { decodeHTML, DecodingMode } from 'entities';
import { parseHTML } from 'linkedom';
import type { Rating } from '@/lib/reports/verdict-scale';

export interface ParsedFactCheck {
  /** The ClaimReview's `url`: http(s) only, fragment kept, trimmed. Dedup key. */
  url: string;
  /** `claimReviewed`, else itemReviewed.name / .text: plain text, ≤ CLAIM_TEXT_MAX chars. */
  claimText: string;
  claimant: string | null;
  claimantKind: 'person' | 'organization' | null;
  /** 'YYYY-MM-DD' as written (no time-zone shift), else null. */
  claimDate: string | null;
  appearanceUrl: string | null;
  reviewDate: string | null;
  publisher: { name: string; url: string | null };
  ratingName: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  rating: Rating | null;
  /** BCP 47 primary subtag ('fr', 'en'), 'und' when unknown. */
  language: string;
}

export type SkipReason =
  | 'not_claim_review'
  | 'missing_url'
  | 'invalid_url'
  | 'missing_claim'
  | 'markup_in_text'
  | 'text_too_long'
  | 'duplicate';

export interface SkippedItem {
  /** 0-based position among the document's items (ClaimReviews and refused entries alike). */
  index: number;
  url: string | null;
  reason: SkipReason;
}

export interface ParsedDocument {
  items: ParsedFactCheck[];
  skipped: SkippedItem[];
}

export type DocumentErrorCode =
  'not_json' | 'too_deep' | 'too_many_items' | 'no_claim_reviews' | 'too_large';

export class ClaimReviewDocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly limit?: number,
  ) {
    super(`ClaimReview document refused: ${code}`);
    this.name = 'ClaimReviewDocumentError';
  }
}

export const CLAIM_TEXT_MAX = 2_000;
export const DOCUMENT_MAX_DEPTH = 32;
const URL_MAX = 2_048;
const SHORT_TEXT_MAX = 200;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Nesting depth, measured with an explicit stack: a hostile file may nest 100,000 levels. */
function depthOf(root: Json): number {
  let deepest = 0;
  const stack: [Json, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > DOCUMENT_MAX_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Whether a node is of a schema.org type, however the type is spelled (prefix, IRI, array). */
function isA(value: Json | undefined, type: string): value is JsonObject {
  if (!isObject(value)) return false;
  return asArray(value['@type']).some(
    (t) =>
      typeof t === 'string' && t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/u, '') === type,
  );
}

/** A document item in order: a ClaimReview, or an entry given as an item that is not one. */
type Entry = JsonObject | null;

/**
 * The items of one JSON-LD value, in document order. Only where ClaimReviews are published is
 * searched (the value, `@graph`, a DataFeed's elements), never arbitrary properties. Feed elements
 * and a file's top-level array entries were given as items: those that are not ClaimReviews are
 * reported (null). A page's other nodes (WebSite, BreadcrumbList…) are not, even in an HTML
 * block's array. Recursion is bounded: depthOf has already checked the value.
 */
function collect(root: Json, fromPage: boolean): Entry[] {
  const entries: Entry[] = [];
  const visit = (value: Json, asItem: boolean) => {
    if (isA(value, 'ClaimReview')) {
      entries.push(value);
    } else if (isA(value, 'DataFeed')) {
      for (const element of asArray(value.dataFeedElement)) {
        const inner = isA(element, 'DataFeedItem') ? asArray(element.item ?? null) : [element];
        for (const item of inner) visit(item, true);
      }
    } else if (isObject(value) && Array.isArray(value['@graph'])) {
      for (const node of value['@graph']) visit(node, false);
    } else if (Array.isArray(value)) {
      for (const entry of value) visit(entry, asItem);
    } else if (asItem) {
      entries.push(null);
    }
  };
  if (Array.isArray(root)) for (const entry of root) visit(entry, !fromPage);
  else visit(root, false);
  return entries;
}

/** The first string of a JSON-LD value (a string, `{ "@value": … }`, an array's first), raw. */
function rawString(value: Json | undefined): string | null {
  for (const entry of asArray(value)) {
    const raw = isObject(entry) ? entry['@value'] : entry;
    if (typeof raw === 'string' && raw.trim() !== '') return raw;
    if (typeof raw === 'number') return String(raw);
  }
  return null;
}

/**
 * Plain text: entities decoded (strictly: "&notice" is not "¬ice"), controls and runs of
 * whitespace made one space, lone surrogates replaced (jsonb and Postgres refuse them and NUL).
 */
function text(value: Json | undefined): string | null {
  for (const entry of asArray(value)) {
    const raw = rawString(entry);
    if (raw === null) continue;
    const decoded = decodeHTML(raw, DecodingMode.Strict)
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim()
      .toWellFormed();
    if (decoded !== '') return decoded;
  }
  return null;
}

/** What an HTML parser would open a tag, a comment or a declaration with. */
const MARKUP = /<\/?[a-z]|<[!?]/iu;

/** At most `max` UTF-16 units, never half an emoji. */
const clip = (value: string, max: number): string =>
  value.slice(0, max).replace(/[\ud800-\udbff]$/u, '');

function httpUrl(raw: string | null): string | null {
  if (raw === null || raw.length > URL_MAX) return null;
  try {
    const url = new URL(raw.trim());
    const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
    return isHttp && url.href.length <= URL_MAX ? url.href : null;
  } catch {
    return null;
  }
}

/** The first http(s) URL among strings and objects with a `url`. */
function urlOf(value: Json | undefined): string | null {
  for (const entry of asArray(value)) {
    const url = httpUrl(rawString(isObject(entry) && !('@value' in entry) ? entry.url : entry));
    if (url) return url;
  }
  return null;
}

/** An ISO 8601 date or date-time as the calendar date written, so no time zone moves it. */
function isoDate(value: Json | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/u.exec(text(value) ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** A number, or a decimal numeric string ("4", " 4.5 "), never hex, exponents or "". */
function numberOf(value: Json | undefined): number | null {
  for (const entry of asArray(value)) {
    const raw = isObject(entry) ? entry['@value'] : entry;
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    if (typeof raw === 'string' && /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u.test(raw.trim())) {
      return Number(raw.trim());
    }
  }
  return null;
}

/**
 * Position of a numeric rating on FactDesk's scale: FactDesk's own export puts false, misleading,
 * mostly true and true at 1, 2, 4 and 5 of 1..5, so the cut points sit halfway between them; the
 * middle ("half true") has no FactDesk rating. Any scale and direction, as long as it is one.
 */
export function normaliseRating(
  value: number | null,
  best: number | null,
  worst: number | null,
): Rating | null {
  if (value === null || best === null || worst === null) return null;
  if (![value, best, worst].every(Number.isFinite) || best === worst) return null;
  const p = (value - worst) / (best - worst);
  if (p < 0 || p > 1) return null;
  if (p < 0.125) return 'false';
  if (p < 0.375) return 'misleading';
  if (p <= 0.625) return null;
  if (p < 0.875) return 'mostly_true';
  return 'true';
}

function languageOf(value: Json | undefined): string {
  const one = asArray(value)[0];
  const tags = isObject(one) && !('@value' in one) ? [one.alternateName, one.name] : [one];
  for (const tag of tags) {
    const primary = (text(tag) ?? '').toLowerCase().split(/[-_]/u)[0];
    if (/^[a-z]{2,3}$/u.test(primary)) return primary;
  }
  return 'und';
}

/** The Organization subtypes claimants are published as; an untyped author's kind is unknown. */
const ORGANIZATIONS = [
  'Organization',
  'GovernmentOrganization',
  'NewsMediaOrganization',
  'PoliticalParty',
];

function kindOf(author: Json | undefined): ParsedFactCheck['claimantKind'] {
  if (isA(author, 'Person')) return 'person';
  return ORGANIZATIONS.some((type) => isA(author, type)) ? 'organization' : null;
}

type Outcome = { item: ParsedFactCheck } | { reason: SkipReason; url: string | null };

function readClaimReview(review: JsonObject): Outcome {
  const rawUrl = rawString(review.url);
  if (rawUrl === null) return { reason: 'missing_url', url: null };
  const url = httpUrl(rawUrl);
  // The refused value is not echoed back: it may be the hostile part.
  if (!url) return { reason: 'invalid_url', url: null };

  const claimed = asArray(review.itemReviewed).find(isObject) ?? {};
  const claimText = text(review.claimReviewed) ?? text(claimed.name) ?? text(claimed.text);
  if (!claimText) return { reason: 'missing_claim', url };
  const author = asArray(claimed.author)[0];
  const claimant = isObject(author) ? text(author.name) : text(author);
  const reviewer = asArray(review.author ?? review.publisher)[0];
  const publisherUrl = isObject(reviewer) ? urlOf(reviewer.url) : null;
  const publisherName =
    (isObject(reviewer) ? text(reviewer.name) : text(reviewer)) ??
    new URL(publisherUrl ?? url).hostname;
  const reviewRating = asArray(review.reviewRating).find(isObject) ?? {};
  const ratingName = text(reviewRating.alternateName) ?? text(reviewRating.name);
  const texts = [claimText, claimant, publisherName, ratingName];
  if (texts.some((value) => value !== null && MARKUP.test(value))) {
    return { reason: 'markup_in_text', url };
  }
  if (claimText.length > CLAIM_TEXT_MAX) return { reason: 'text_too_long', url };

  const ratingValue = numberOf(reviewRating.ratingValue);
  const bestRating = numberOf(reviewRating.bestRating);
  const worstRating = numberOf(reviewRating.worstRating);
  return {
    item: {
      url,
      claimText,
      claimant: claimant === null ? null : clip(claimant, SHORT_TEXT_MAX),
      claimantKind: claimant === null ? null : kindOf(author),
      claimDate: isoDate(claimed.datePublished),
      appearanceUrl: urlOf(claimed.appearance) ?? urlOf(claimed.firstAppearance),
      reviewDate: isoDate(review.datePublished),
      publisher: { name: clip(publisherName, SHORT_TEXT_MAX), url: publisherUrl },
      ratingName: ratingName === null ? null : clip(ratingName, SHORT_TEXT_MAX),
      ratingValue,
      bestRating,
      worstRating,
      rating: normaliseRating(ratingValue, bestRating, worstRating),
      language: languageOf(review.inLanguage),
    },
  };
}

/** The JSON values of the text: itself, or an HTML page's ld+json blocks (broken ones passed). */
function parseBlocks(source: string): { blocks: Json[]; fromPage: boolean } {
  const trimmed = source.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { blocks: [JSON.parse(trimmed) as Json], fromPage: false };
    } catch {
      throw new ClaimReviewDocumentError('not_json');
    }
  }
  const { document } = parseHTML(source);
  const blocks: Json[] = [];
  for (const script of document.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    try {
      blocks.push(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A broken block among others: the readable ones still count.
    }
  }
  if (blocks.length === 0) throw new ClaimReviewDocumentError('not_json');
  return { blocks, fromPage: true };
}

/** `source` is a file's content: JSON-LD, or an HTML page carrying it. */
export function parseClaimReviewDocument(
  source: string,
  options: { maxItems: number; maxCharacters: number },
): ParsedDocument {
  if (source.length > options.maxCharacters) {
    throw new ClaimReviewDocumentError('too_large', options.maxCharacters);
  }
  const { blocks, fromPage } = parseBlocks(source);
  for (const block of blocks) {
    if (depthOf(block) > DOCUMENT_MAX_DEPTH) {
      throw new ClaimReviewDocumentError('too_deep', DOCUMENT_MAX_DEPTH);
    }
  }
  const entries = blocks.flatMap((block) => collect(block, fromPage));
  const reviewCount = entries.filter((entry) => entry !== null).length;
  if (reviewCount > options.maxItems) {
    throw new ClaimReviewDocumentError('too_many_items', options.maxItems);
  }
  if (entries.length === 0) throw new ClaimReviewDocumentError('no_claim_reviews');

  const items: ParsedFactCheck[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const outcome: Outcome = entry
      ? readClaimReview(entry)
      : { reason: 'not_claim_review', url: null };
    if ('reason' in outcome) {
      skipped.push({ index, url: outcome.url, reason: outcome.reason });
    } else if (seen.has(outcome.item.url)) {
      skipped.push({ index, url: outcome.item.url, reason: 'duplicate' });
    } else {
      seen.add(outcome.item.url);
      items.push(outcome.item);
    }
  });
  return { items, skipped };
}
