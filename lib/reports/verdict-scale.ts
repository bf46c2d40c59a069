// The verdict scale: the six ratings a fact-checker can give a sentence, their labels in each
// supported language, their colours and their ClaimReview numeric mapping. It is the single
// source of truth for the UI (verdict form, reader badges, app/globals.css, whose values a test
// checks against these) and for every report format, so it must stay free of server-only or
// Node-only imports: client components import it directly.
import { Rating } from '@/generated/prisma/enums';

/** A rating: the schema's enum (prisma/schema.prisma), the one declaration. */
export type { Rating };

/**
 * Ordered from the most to the least supported claim, then the two non-ordinal verdicts: the
 * schema declares them in this order (the tests hold it there).
 */
export const RATINGS: readonly Rating[] = Object.values(Rating);

/** Languages that have their own labels; anything else falls back to French. */
export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: ReportLanguage = 'fr';

export const RATING_LABELS: Readonly<Record<string, Readonly<Record<Rating, string>>>> = {
  fr: {
    true: 'Vrai',
    mostly_true: 'Plutôt vrai',
    misleading: 'Trompeur',
    false: 'Faux',
    unverifiable: 'Invérifiable',
    not_a_claim: 'Pas une affirmation vérifiable',
  },
  en: {
    true: 'True',
    mostly_true: 'Mostly true',
    misleading: 'Misleading',
    false: 'False',
    unverifiable: 'Unverifiable',
    not_a_claim: 'Not a checkable claim',
  },
};

/**
 * Each rating's colour, for lines, tints and chart bars: the app's --color-verdict-* (globals.css)
 * and the HTML report's. Never the only signal: the app adds a pattern and a glyph, the report
 * the label.
 */
export const RATING_COLORS: Readonly<Record<Rating, string>> = {
  true: '#15803d',
  mostly_true: '#65a30d',
  misleading: '#d97706',
  false: '#dc2626',
  unverifiable: '#6b7280',
  not_a_claim: '#94a3b8',
};

/**
 * Each rating's dark hue, for text and glyphs on white (the app's `.fd-rating` and check marks):
 * at least WCAG AA contrast, 4.5:1.
 */
export const RATING_TEXT_COLORS: Readonly<Record<Rating, string>> = {
  true: '#15803d',
  mostly_true: '#4d7c0f',
  misleading: '#b45309',
  false: '#b91c1c',
  unverifiable: '#4b5563',
  not_a_claim: '#4b5563',
};

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag ('fr', 'fr-CA', 'en-GB', 'EN') to a language we have labels for. Only the
 * primary subtag matters: regional variants share their labels. Unknown or empty tags fall back
 * to French, the product's working language.
 */
export function resolveLanguage(lang: string | null | undefined): ReportLanguage {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return REPORT_LANGUAGES.find((language) => language === primary) ?? DEFAULT_LANGUAGE;
}

/** The human label of a rating in `lang` (French when the language has no labels). */
export function ratingLabel(rating: Rating, lang: string = DEFAULT_LANGUAGE): string {
  return RATING_LABELS[resolveLanguage(lang)][rating];
}

/*
 * ClaimReview numeric mapping (schema.org Rating inside a ClaimReview, see
 * https://developers.google.com/search/docs/appearance/structured-data/factcheck).
 *
 *   worstRating = 1, bestRating = 5
 *   false        → 1
 *   misleading   → 2
 *   (3 is deliberately unused: FactDesk has no "half true" verdict)
 *   mostly_true  → 4
 *   true         → 5
 *   unverifiable → no ratingValue, textual verdict (alternateName) only
 *   not_a_claim  → not published as a ClaimReview at all
 *
 * Why: Google documents the textual verdict (reviewRating.alternateName) as the value shown to
 * readers and the numeric one as optional, but asks that any numeric scale be documented. The
 * four ordinal verdicts fit on a 1–5 scale. "Unverifiable" is not a degree of truth, so giving it
 * the mid-point 3 would tell machines it is "half true"; we publish bestRating/worstRating (so the
 * scale is declared on every object) and omit ratingValue. "Not a checkable claim" sentences are
 * not claims, so a ClaimReview about them would be meaningless.
 */
export const CLAIM_REVIEW_BEST_RATING = 5;
export const CLAIM_REVIEW_WORST_RATING = 1;
export const CLAIM_REVIEW_RATING_VALUES: Readonly<Partial<Record<Rating, number>>> = {
  false: 1,
  misleading: 2,
  mostly_true: 4,
  true: 5,
};

export interface ClaimReviewRatingValues {
  ratingValue?: number;
  bestRating: number;
  worstRating: number;
  alternateName: string;
}

/** The numeric and textual parts of a ClaimReview reviewRating (label in `lang`). */
export function claimReviewRating(
  rating: Rating,
  lang: string = DEFAULT_LANGUAGE,
): ClaimReviewRatingValues {
  const ratingValue = CLAIM_REVIEW_RATING_VALUES[rating];
  return {
    ...(ratingValue === undefined ? {} : { ratingValue }),
    bestRating: CLAIM_REVIEW_BEST_RATING,
    worstRating: CLAIM_REVIEW_WORST_RATING,
    alternateName: ratingLabel(rating, lang),
  };
}
