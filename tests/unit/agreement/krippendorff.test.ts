import { describe, expect, it } from 'vitest';
import { nominalAgreement, type AgreementResult } from '@/lib/agreement/krippendorff';

/** Builds units (columns) from coder rows; '.' marks a missing value. */
function fromCoderRows(rows: string[]): string[][] {
  const coders = rows.map((row) => row.split(' '));
  return coders[0].map((_, unit) =>
    coders.map((coder) => coder[unit]).filter((value) => value !== '.'),
  );
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example C.
const krippendorff2011 = fromCoderRows([
  '1 2 3 3 2 1 4 1 2 . . .', // A
  '1 2 3 3 2 2 4 1 2 5 . 3', // B
  '. 3 3 3 2 3 4 2 2 5 1 .', // C
  '1 2 3 3 2 4 4 1 2 5 1 .', // D
]);

interface Case {
  name: string;
  units: string[][];
  expected: AgreementResult;
}

const cases: Case[] = [
  {
    name: 'empty input',
    units: [],
    expected: { alpha: null, percentAgreement: null, ratedUnits: 0 },
  },
  {
    name: 'only single-rating units (nothing pairable)',
    units: [['a'], [], ['b']],
    expected: { alpha: null, percentAgreement: null, ratedUnits: 0 },
  },
  {
    name: 'perfect agreement over two categories',
    units: [
      ['a', 'a'],
      ['b', 'b', 'b'],
      ['a', 'a'],
    ],
    expected: { alpha: 1, percentAgreement: 1, ratedUnits: 3 },
  },
  {
    name: 'all identical values (De = 0) → alpha null',
    units: [
      ['a', 'a'],
      ['a', 'a', 'a'],
    ],
    expected: { alpha: null, percentAgreement: 1, ratedUnits: 2 },
  },
  {
    // n = 4, n_a = n_b = 2, Do = 4 → alpha = 1 − 3·4/8 = −0.5
    name: 'systematic disagreement',
    units: [
      ['a', 'b'],
      ['b', 'a'],
    ],
    expected: { alpha: -0.5, percentAgreement: 0, ratedUnits: 2 },
  },
  {
    // [a,a,b]: 3 pairs, 1 agreeing; [b,b]: 1 pair, 1 agreeing → 2/4.
    // o_aa = 2·1/2 = 1, o_bb = 2·1/1 = 2 → Σ o_cc = 3; n = 5, n_a = 2, n_b = 3;
    // Σ_{c≠k} n_c n_k = 12 → alpha = 1 − 4·(5 − 3)/12 = 1/3
    name: 'hand-computed mixed case; single-rating unit ignored',
    units: [['a', 'a', 'b'], ['b', 'b'], ['c']],
    expected: { alpha: 1 / 3, percentAgreement: 0.5, ratedUnits: 2 },
  },
];

describe('nominalAgreement', () => {
  it.each(cases)('$name', ({ units, expected }) => {
    const result = nominalAgreement(units);
    expect(result.ratedUnits).toBe(expected.ratedUnits);
    for (const key of ['alpha', 'percentAgreement'] as const) {
      if (expected[key] === null) expect(result[key]).toBeNull();
      else expect(result[key]).toBeCloseTo(expected[key], 10);
    }
  });

  it("reproduces Krippendorff's published nominal example (alpha = 0.743)", () => {
    const result = nominalAgreement(krippendorff2011);
    expect(result.ratedUnits).toBe(11); // unit 12 has a single rating
    expect(result.alpha).not.toBeNull();
    expect(result.alpha!.toFixed(3)).toBe('0.743');
    // 43 of 55 within-unit pairs agree.
    expect(result.percentAgreement).toBeCloseTo(43 / 55, 10);
  });

  it('does not depend on the order of units or of ratings within a unit', () => {
    const shuffled = [...krippendorff2011].reverse().map((unit) => [...unit].reverse());
    expect(nominalAgreement(shuffled)).toEqual(nominalAgreement(krippendorff2011));
  });
});
