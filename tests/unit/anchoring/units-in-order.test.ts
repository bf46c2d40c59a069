// unitsTouchedInOrder (binary search over an article's units) must agree with the linear
// unitsTouched on every range: the units of real texts (sorted, non-overlapping, with gaps and
// empty ones), ranges anywhere (empty, touching, beyond the text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitsTouched, unitsTouchedInOrder } from '@/lib/anchoring';

const unitsArb = fc
  .array(fc.record({ gap: fc.nat(5), length: fc.nat(12) }), { maxLength: 60 })
  .map((parts) => {
    let at = 0;
    return parts.map(({ gap, length }, index) => {
      const start = at + gap;
      at = start + length;
      return { index, start, end: start + length };
    });
  });

describe('unitsTouchedInOrder', () => {
  it('finds exactly the units the linear scan finds, in the same order', () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(800), fc.nat(80), (units, start, length) => {
        const range = { start, end: start + length };
        expect(unitsTouchedInOrder(units, range)).toEqual(unitsTouched(units, range));
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });

  it.each([
    ['inside one unit', { start: 2, end: 4 }, [0]],
    ['across two units', { start: 4, end: 12 }, [0, 1]],
    ['only the gap between them', { start: 5, end: 10 }, []],
    ['ending where the next starts', { start: 0, end: 10 }, [0]],
    ['empty', { start: 3, end: 3 }, []],
    ['beyond the text', { start: 40, end: 50 }, []],
  ])('%s', (_name, range, expected) => {
    const units = [
      { index: 0, start: 0, end: 5 },
      { index: 1, start: 10, end: 20 },
      { index: 2, start: 20, end: 20 },
      { index: 3, start: 21, end: 30 },
    ];
    expect(unitsTouchedInOrder(units, range).map((u) => u.index)).toEqual(expected);
  });
});
