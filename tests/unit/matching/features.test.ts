// Claim matching's features and score (issue 16): figures and years normalised so that the same
// quantity written differently compares equal, and a different figure or year is never a match.
import { describe, expect, it } from 'vitest';
import { claimFeatures } from '@/lib/matching/features';
import { MATCH_THRESHOLD, scoreMatch } from '@/lib/matching/score';

describe('claimFeatures', () => {
  it.each([
    ['5 millions de projectiles', ['5000000']],
    ['cinq millions de projectiles', ['5000000']],
    ['5 000 000 de projectiles', ['5000000']],
    ['5,000,000 shells', ['5000000']],
    ['5 million shells', ['5000000']],
    ['1,5 milliard d’euros', ['1500000000']],
    ['1.5bn dollars', ['1500000000']],
    ['40 % des électeurs', ['40%']],
    ['40 percent of voters', ['40%']],
    ['12,5 % de chômage', ['12.5%']],
    ['en 2019, 300 soldats', ['300']],
    // Shares in words (the evaluation set's « un quart » / « un tiers » pair matched before).
    ['la moitié des électeurs', ['50%']],
    ['deux tiers des votants', ['2', '67%']],
    ['Un tiers des jeunes', ['1', '33%']],
    ['Un quart des jeunes', ['1', '25%']],
    ['two thirds of voters', ['2', '67%']],
    ['a quarter of households', ['25%']],
    ['half of the budget', ['50%']],
    ['les pays tiers', []],
    ['for the third time', []],
  ])('%s → figures %j', (text, figures) => {
    expect(claimFeatures(text).figures).toEqual(figures);
  });

  it('keeps years apart from quantities, and finds names and negations', () => {
    expect(claimFeatures('Le pacte signé en 2024 entre la Russie et la Corée du Nord')).toEqual({
      figures: [],
      years: ['2024'],
      entities: ['coree du nord', 'russie'],
      negated: false,
    });
    expect(claimFeatures('Poutine n’a jamais signé ce pacte.').negated).toBe(true);
    expect(claimFeatures('The treaty does not mention military aid.').negated).toBe(true);
    expect(claimFeatures('The president didn’t sign it.').negated).toBe(true);
    expect(claimFeatures('Le traité prévoit une aide mutuelle.').negated).toBe(false);
  });
});

const wording = { trigram: 0.7, rank: 0.5 };

describe('scoreMatch', () => {
  const score = (a: string, b: string, signals = wording) =>
    scoreMatch(claimFeatures(a), claimFeatures(b), signals);

  it('matches the same claim worded differently, with its reasons', () => {
    const result = score(
      'La Corée du Nord a livré 5 millions de projectiles à la Russie.',
      'Pyongyang a fourni cinq millions d’obus à la Russie.',
      { trigram: 0.35, rank: 0.4 },
    );
    expect(result.match).toBe(true);
    expect(result.reasons).toEqual(expect.arrayContaining(['same_figures']));
    expect(result.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it.each([
    ['5 millions de projectiles livrés', '3 millions de projectiles livrés', 'different_figures'],
    ['Unemployment fell in 2019', 'Unemployment fell in 2021', 'different_years'],
    ['40 % des électeurs', '45 % des électeurs', 'different_figures'],
  ])('never matches %s with %s, however close the wording', (a, b, reason) => {
    const result = score(a, b, { trigram: 0.95, rank: 1 });
    expect(result.match).toBe(false);
    expect(result.reasons).toContain(reason);
  });

  it('notes a negation on one side only, and lowers the score', () => {
    const plain = score(
      'Le pacte prévoit une aide militaire.',
      'Le pacte prévoit une aide militaire.',
    );
    const negated = score(
      'Le pacte prévoit une aide militaire.',
      'Le pacte ne prévoit pas d’aide militaire.',
    );
    expect(negated.reasons).toContain('negation_differs');
    expect(negated.score).toBeLessThan(plain.score);
  });

  it('takes a figure the other claim also has, among more, as no conflict', () => {
    const result = score(
      '5 millions de projectiles',
      'En 2024, 5 millions de projectiles et 300 missiles',
    );
    expect(result.reasons).not.toContain('different_figures');
    expect(result.reasons).toContain('same_figures');
  });

  it('does not match unrelated claims', () => {
    expect(
      score('Le chômage baisse.', 'La Lune est en fromage.', { trigram: 0.08, rank: 0 }).match,
    ).toBe(false);
  });
});
