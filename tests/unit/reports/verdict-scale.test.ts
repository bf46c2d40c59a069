// The verdict scale is shared by the UI, the API validation and every report format: these tests
// pin its labels, its language fallback and the ClaimReview numeric mapping documented in
// lib/reports/verdict-scale.ts.
import { describe, expect, it } from 'vitest';
import {
  RATINGS,
  RATING_LABELS,
  claimReviewRating,
  isRating,
  ratingLabel,
  resolveLanguage,
  type Rating,
} from '@/lib/reports';
import { RATING_VALUES } from '@/lib/validations/verdict';

describe('verdict scale', () => {
  it('lists the same ratings as the API validation, in the same order', () => {
    expect([...RATINGS]).toEqual([...RATING_VALUES]);
  });

  it.each(Object.keys(RATING_LABELS))('has a non-empty label for every rating in %s', (lang) => {
    for (const rating of RATINGS) expect(RATING_LABELS[lang][rating]).toMatch(/\S/);
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
