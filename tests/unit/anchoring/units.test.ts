import { describe, expect, it } from 'vitest';
import { unitsTouched } from '@/lib/anchoring';

describe('unitsTouched', () => {
  // Three sentences separated by one space, then a heading touching the last sentence.
  //             0         1         2         3
  //             0123456789012345678901234567890123456
  const text = 'Un fait. Deux faits. Trois faits.Titre';
  const units = [
    { id: 's0', start: 0, end: 8 }, // "Un fait."
    { id: 's1', start: 9, end: 20 }, // "Deux faits."
    { id: 's2', start: 21, end: 33 }, // "Trois faits."
    { id: 'h0', start: 33, end: 38 }, // "Titre" (no gap before it)
  ];

  it('uses units that match the sample text', () => {
    expect(units.map((u) => text.slice(u.start, u.end))).toEqual([
      'Un fait.',
      'Deux faits.',
      'Trois faits.',
      'Titre',
    ]);
  });

  it.each([
    { name: 'inside one unit', range: { start: 3, end: 7 }, ids: ['s0'] },
    { name: 'exactly one unit', range: { start: 9, end: 20 }, ids: ['s1'] },
    { name: 'across two units', range: { start: 3, end: 14 }, ids: ['s0', 's1'] },
    { name: 'across three units', range: { start: 5, end: 25 }, ids: ['s0', 's1', 's2'] },
    { name: 'only the gap between units', range: { start: 8, end: 9 }, ids: [] },
    { name: 'gap plus first character after it', range: { start: 8, end: 10 }, ids: ['s1'] },
    { name: 'last character before a gap plus the gap', range: { start: 7, end: 9 }, ids: ['s0'] },
    { name: 'ends exactly where the next unit starts', range: { start: 21, end: 33 }, ids: ['s2'] },
    { name: 'starts exactly where a unit ends', range: { start: 33, end: 35 }, ids: ['h0'] },
    { name: 'straddles touching units', range: { start: 32, end: 34 }, ids: ['s2', 'h0'] },
    { name: 'first character of the text', range: { start: 0, end: 1 }, ids: ['s0'] },
    { name: 'last character of the text', range: { start: 37, end: 38 }, ids: ['h0'] },
    { name: 'whole text', range: { start: 0, end: 38 }, ids: ['s0', 's1', 's2', 'h0'] },
    { name: 'empty range', range: { start: 4, end: 4 }, ids: [] },
    { name: 'outside the text', range: { start: 50, end: 60 }, ids: [] },
  ])('$name', ({ range, ids }) => {
    expect(unitsTouched(units, range).map((u) => u.id)).toEqual(ids);
  });

  it('keeps input order and the caller’s unit objects', () => {
    const shuffled = [units[2], units[0], units[1]];
    const touched = unitsTouched(shuffled, { start: 0, end: 30 });
    expect(touched).toEqual([units[2], units[0], units[1]]);
    expect(touched[0]).toBe(units[2]);
  });

  it('ignores empty units', () => {
    expect(unitsTouched([{ start: 5, end: 5 }], { start: 0, end: 10 })).toEqual([]);
  });
});
