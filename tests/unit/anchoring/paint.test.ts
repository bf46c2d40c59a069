import { describe, expect, it } from 'vitest';
import { groupByUnit, splitIntoSegments, type Segment, type TextRange } from '@/lib/anchoring';
import { regroupByUnit } from '@/lib/anchoring/paint';

type H = { id: string; start: number; end: number };
const h = (id: string, start: number, end: number): H => ({ id, start, end });

/** Deterministic PRNG (mulberry32) so the randomized comparisons are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference: label each character, then merge runs cut at every clipped highlight boundary. */
function naiveSegments(span: TextRange, highlights: readonly H[]): Segment[] {
  const cuts = new Set([span.start, span.end]);
  for (const x of highlights) {
    for (const b of [x.start, x.end])
      if (b > span.start && b < span.end && x.start < x.end) cuts.add(b);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    segments.push({
      start,
      end,
      ids: highlights
        .filter((x) => x.start <= start && x.end >= end && x.start < x.end)
        .map((x) => x.id),
    });
  }
  return segments;
}

function naiveGroupByUnit<T extends TextRange>(
  units: readonly TextRange[],
  highlights: readonly T[],
) {
  const map = new Map<number, T[]>();
  units.forEach((u, i) => {
    const hits = highlights.filter(
      (x) => x.start < x.end && u.start < u.end && x.start < u.end && u.start < x.end,
    );
    if (hits.length > 0) map.set(i, hits);
  });
  return map;
}

describe('splitIntoSegments', () => {
  const span = { start: 10, end: 30 };

  it.each([
    { name: 'no highlight', highlights: [], expected: [[10, 30]] },
    {
      name: 'one highlight inside',
      highlights: [h('a', 12, 15)],
      expected: [
        [10, 12],
        [12, 15, 'a'],
        [15, 30],
      ],
    },
    {
      name: 'highlight covering the whole span',
      highlights: [h('a', 10, 30)],
      expected: [[10, 30, 'a']],
    },
    {
      name: 'nested highlights',
      highlights: [h('outer', 11, 25), h('inner', 14, 18)],
      expected: [
        [10, 11],
        [11, 14, 'outer'],
        [14, 18, 'outer', 'inner'],
        [18, 25, 'outer'],
        [25, 30],
      ],
    },
    {
      name: 'overlapping highlights',
      highlights: [h('a', 12, 20), h('b', 16, 24)],
      expected: [
        [10, 12],
        [12, 16, 'a'],
        [16, 20, 'a', 'b'],
        [20, 24, 'b'],
        [24, 30],
      ],
    },
    {
      name: 'ids follow input order, not start order',
      highlights: [h('late', 16, 24), h('early', 12, 20)],
      expected: [
        [10, 12],
        [12, 16, 'early'],
        [16, 20, 'late', 'early'],
        [20, 24, 'late'],
        [24, 30],
      ],
    },
    {
      name: 'touching highlights',
      highlights: [h('a', 12, 16), h('b', 16, 20)],
      expected: [
        [10, 12],
        [12, 16, 'a'],
        [16, 20, 'b'],
        [20, 30],
      ],
    },
    {
      name: 'identical highlights',
      highlights: [h('a', 12, 16), h('b', 12, 16)],
      expected: [
        [10, 12],
        [12, 16, 'a', 'b'],
        [16, 30],
      ],
    },
    {
      name: 'highlights extending outside the span',
      highlights: [h('left', 0, 12), h('right', 25, 99)],
      expected: [
        [10, 12, 'left'],
        [12, 25],
        [25, 30, 'right'],
      ],
    },
    {
      name: 'highlights touching the span from outside',
      highlights: [h('before', 0, 10), h('after', 30, 40)],
      expected: [[10, 30]],
    },
    {
      name: 'highlights far outside or empty',
      highlights: [h('far', 50, 60), h('empty', 15, 15)],
      expected: [[10, 30]],
    },
  ] as { name: string; highlights: H[]; expected: (number | string)[][] }[])(
    '$name',
    ({ highlights, expected }) => {
      const segments = splitIntoSegments(span, highlights);
      expect(segments).toEqual(expected.map(([start, end, ...ids]) => ({ start, end, ids })));
    },
  );

  it('returns no segment for an empty span', () => {
    expect(splitIntoSegments({ start: 5, end: 5 }, [h('a', 0, 10)])).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])('matches a naive reference on random highlights (seed %i)', (seed) => {
    const random = prng(seed);
    const int = (max: number) => Math.floor(random() * max);
    const highlights = Array.from({ length: 60 }, (_, i) => {
      const start = int(120);
      return h(`h${i}`, start, start + int(25));
    });
    const randomSpan = { start: 20 + int(20), end: 70 + int(30) };
    const segments = splitIntoSegments(randomSpan, highlights);

    expect(segments).toEqual(naiveSegments(randomSpan, highlights));
    // Exact, ordered cover without empty pieces.
    expect(segments[0].start).toBe(randomSpan.start);
    expect(segments.at(-1)!.end).toBe(randomSpan.end);
    segments.forEach((s, i) => {
      expect(s.start).toBeLessThan(s.end);
      if (i > 0) expect(s.start).toBe(segments[i - 1].end);
    });
  });
});

describe('groupByUnit', () => {
  it('groups a small example', () => {
    const units = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 20, end: 30 },
    ];
    const a = h('a', 2, 5);
    const b = h('b', 8, 22);
    const c = h('c', 10, 11); // only the gap
    const d = h('d', 20, 25);
    expect(groupByUnit(units, [a, b, c, d])).toEqual(
      new Map([
        [0, [a, b]],
        [1, [b]],
        [2, [b, d]],
      ]),
    );
  });

  it('returns an empty map without highlights', () => {
    expect(groupByUnit([{ start: 0, end: 5 }], [])).toEqual(new Map());
  });

  it.each([
    { name: 'sorted sentence-like units', seed: 11, shuffledUnits: false },
    { name: 'unsorted units', seed: 12, shuffledUnits: true },
    { name: 'another seed', seed: 13, shuffledUnits: false },
  ])(
    'equals a naive units × highlights computation on thousands of highlights ($name)',
    ({ seed, shuffledUnits }) => {
      const random = prng(seed);
      const int = (max: number) => Math.floor(random() * max);

      // ~400 sentences separated by one-character gaps, some touching, a few empty.
      const units: TextRange[] = [];
      let cursor = 0;
      for (let i = 0; i < 400; i += 1) {
        const length = i % 97 === 0 ? 0 : 5 + int(80);
        units.push({ start: cursor, end: cursor + length });
        cursor += length + (i % 5 === 0 ? 0 : 1);
      }
      if (shuffledUnits) units.sort(() => random() - 0.5);

      const highlights = Array.from({ length: 3000 }, (_, i) => {
        const start = int(cursor);
        const length = int(10) === 0 ? int(400) : int(40); // mostly short, some spanning many units
        return h(`h${i}`, start, Math.min(cursor, start + length));
      });

      const grouped = groupByUnit(units, highlights);
      const expected = naiveGroupByUnit(units, highlights);
      expect([...grouped.keys()]).toEqual([...expected.keys()].sort((x, y) => x - y));
      expect(grouped).toEqual(expected);
      for (const [unit, list] of grouped) {
        for (const [i, x] of list.entries()) expect(x).toBe(expected.get(unit)![i]);
      }
    },
  );
});

describe('regroupByUnit', () => {
  const random = prng(21);
  const int = (max: number) => Math.floor(random() * max);
  const units: TextRange[] = [];
  let cursor = 0;
  for (let i = 0; i < 300; i += 1) {
    const length = i % 89 === 0 ? 0 : 5 + int(80);
    units.push({ start: cursor, end: cursor + length });
    cursor += length + 1;
  }
  const make = (i: number) => {
    const start = int(cursor);
    const length = int(10) === 0 ? int(400) : int(40);
    return h(`h${i}`, start, Math.min(cursor, start + length));
  };
  const base = Array.from({ length: 2000 }, (_, i) => make(i));
  const grouping = groupByUnit(units, base);

  it.each([
    ['one added (a new highlight)', () => [...base, make(5000)]],
    ['one replaced (the pending one saved)', () => base.map((x, i) => (i === 7 ? { ...x } : x))],
    ['some removed and some added', () => [...base.filter((_, i) => i % 400 !== 3), make(6000)]],
    ['an empty one added', () => [...base, h('empty', 10, 10)]],
  ])('equals a full grouping when %s, and keeps untouched lists', (_, change) => {
    const next = change();
    const regrouped = regroupByUnit(units, grouping, base, next);
    expect(regrouped).not.toBeNull();
    const full = groupByUnit(units, next);
    expect(new Map([...regrouped!].sort(([a], [b]) => a - b))).toEqual(full);
    for (const [unit, list] of regrouped!) {
      for (const [i, x] of list.entries()) expect(x).toBe(full.get(unit)![i]);
    }
    // Only the units a changed highlight overlaps get a new list.
    const changed = [
      ...base.filter((x) => !next.includes(x)),
      ...next.filter((x) => !base.includes(x)),
    ];
    for (const unit of grouping.keys()) {
      const { start, end } = units[unit]!;
      const hit = changed.some((x) => x.start < x.end && x.start < end && start < x.end);
      if (!hit) expect(regrouped!.get(unit)).toBe(grouping.get(unit));
    }
  });

  it('gives up (null) when more changed than is worth patching', () => {
    expect(regroupByUnit(units, grouping, base, base.slice(100))).toBeNull();
  });
});
