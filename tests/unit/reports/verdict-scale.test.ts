// The verdict scale is shared by the UI, the API validation and every report format: these tests
// pin its order, labels, colours (and that the app's stylesheet uses them), its language fallback
// and the ClaimReview numeric mapping documented in lib/reports/verdict-scale.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  RATINGS,
  RATING_LABELS,
  REPORT_LANGUAGES,
  claimReviewRating,
  isRating,
  ratingLabel,
  resolveLanguage,
  type Rating,
} from '@/lib/reports';
import { RATING_COLORS, RATING_TEXT_COLORS } from '@/lib/reports/verdict-scale';
import { setVerdictSchema } from '@/lib/validations/verdict';

const GLOBALS_CSS = readFileSync(
  fileURLToPath(new URL('../../../app/globals.css', import.meta.url)),
  'utf8',
);

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of a colour against white. */
function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** The colour a rule of globals.css gives `selector` (rules may list several selectors). */
function cssColorOf(selector: string, property: string): string | undefined {
  const css = GLOBALS_CSS.replace(/\/\*[\s\S]*?\*\//gu, '');
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/gu)) {
    // What precedes a rule's braces, past any at-statement before it (`@import …;`).
    const selectors = match[1]
      .split(';')
      .at(-1)!
      .split(',')
      .map((s) => s.trim());
    if (!selectors.includes(selector)) continue;
    const value = new RegExp(`(?:^|[;\\s])${property}:\\s*(#[0-9a-f]{6})`, 'iu').exec(match[2]);
    if (value) return value[1].toLowerCase();
  }
  return undefined;
}

describe('verdict scale', () => {
  it('runs from the most to the least supported claim, then the two non-ordinal verdicts', () => {
    expect(RATINGS).toEqual([
      'true',
      'mostly_true',
      'misleading',
      'false',
      'unverifiable',
      'not_a_claim',
    ]);
  });

  it('is what the API accepts, and nothing else', () => {
    for (const rating of RATINGS) expect(setVerdictSchema.safeParse({ rating }).success).toBe(true);
    for (const rating of ['half_true', 'TRUE', '']) {
      expect(setVerdictSchema.safeParse({ rating }).success).toBe(false);
    }
  });

  it.each(REPORT_LANGUAGES)('has a distinct, non-empty label for every rating in %s', (lang) => {
    const labels = RATINGS.map((rating) => RATING_LABELS[lang][rating]);
    for (const label of labels) expect(label).toMatch(/\S/);
    expect(new Set(labels).size).toBe(RATINGS.length);
  });

  it('gives every rating a distinct colour, and text colours readable on white (WCAG AA)', () => {
    expect(new Set(RATINGS.map((rating) => RATING_COLORS[rating])).size).toBe(RATINGS.length);
    for (const rating of RATINGS) {
      expect(RATING_COLORS[rating], rating).toMatch(/^#[0-9a-f]{6}$/u);
      expect(contrastOnWhite(RATING_TEXT_COLORS[rating]), rating).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives the ordinal ratings line and bar colours of at least 3:1 on white (WCAG 1.4.11)', () => {
    // not_a_claim's light slate (2.6:1) and unverifiable are not on the scale; their label and
    // pattern carry them (never colour alone).
    for (const rating of ['true', 'mostly_true', 'misleading', 'false'] as const) {
      expect(contrastOnWhite(RATING_COLORS[rating]), rating).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(RATINGS)('the app draws %s in the scale’s colours (app/globals.css)', (rating) => {
    const name = rating.replaceAll('_', '-');
    expect(cssColorOf('@theme', `--color-verdict-${name}`)).toBe(RATING_COLORS[rating]);
    expect(cssColorOf(`.fd-rating[data-rating='${rating}']`, 'color')).toBe(
      RATING_TEXT_COLORS[rating],
    );
  });

  it.each<[Rating, string, string]>([
    ['true', 'Vrai', 'True'],
    ['mostly_true', 'Plutôt vrai', 'Mostly true'],
    ['misleading', 'Trompeur', 'Misleading'],
    ['false', 'Faux', 'False'],
    ['unverifiable', 'Invérifiable', 'Unverifiable'],
    ['not_a_claim', 'Pas une affirmation vérifiable', 'Not a checkable claim'],
  ])('labels %s as "%s" (fr) and "%s" (en)', (rating, fr, en) => {
    expect(ratingLabel(rating)).toBe(fr);
    expect(ratingLabel(rating, 'fr')).toBe(fr);
    expect(ratingLabel(rating, 'en')).toBe(en);
  });

  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['de', 'fr'],
    ['', 'fr'],
    ['constructor', 'fr'],
    [null, 'fr'],
    [undefined, 'fr'],
  ])('resolves language %j to %s', (lang, expected) => {
    expect(resolveLanguage(lang)).toBe(expected);
  });

  it('falls back to French labels for languages without labels', () => {
    expect(ratingLabel('false', 'de')).toBe('Faux');
    expect(ratingLabel('false', 'en-AU')).toBe('False');
  });

  it.each([
    ['true', true],
    ['not_a_claim', true],
    ['half_true', false],
    ['', false],
    [5, false],
    [null, false],
  ])('isRating(%j) is %s', (value, expected) => {
    expect(isRating(value)).toBe(expected);
  });

  describe('ClaimReview mapping', () => {
    it.each<[Rating, number | undefined]>([
      ['false', 1],
      ['misleading', 2],
      ['mostly_true', 4],
      ['true', 5],
      ['unverifiable', undefined],
      ['not_a_claim', undefined],
    ])('maps %s to ratingValue %s on a 1–5 scale', (rating, value) => {
      const result = claimReviewRating(rating);
      expect(result.ratingValue).toBe(value);
      expect('ratingValue' in result).toBe(value !== undefined);
      expect(result).toMatchObject({
        bestRating: 5,
        worstRating: 1,
        alternateName: ratingLabel(rating),
      });
    });

    it('decreases along the scale: a more supported claim never scores lower', () => {
      const values = RATINGS.map((rating) => claimReviewRating(rating).ratingValue).filter(
        (value) => value !== undefined,
      );
      expect(values.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeLessThan(values[i - 1]);
    });

    it('never uses the mid-point 3, which would read as "half true"', () => {
      const values = RATINGS.map((rating) => claimReviewRating(rating).ratingValue);
      expect(values).not.toContain(3);
    });

    it('gives the textual verdict in the asked language', () => {
      expect(claimReviewRating('unverifiable', 'en').alternateName).toBe('Unverifiable');
      expect(claimReviewRating('unverifiable', 'fr-FR').alternateName).toBe('Invérifiable');
    });
  });
});
