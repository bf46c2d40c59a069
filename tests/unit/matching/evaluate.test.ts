import { describe, expect, it } from 'vitest';
import { evaluateMatching, type EvalPair } from '@/lib/matching/evaluate';

const pairs: EvalPair[] = [
  { id: 'a', lang: 'fr', kind: 'paraphrase', query: 'qa', candidate: 'ca', match: true },
  { id: 'b', lang: 'fr', kind: 'paraphrase', query: 'qb', candidate: 'cb', match: true },
  { id: 'c', lang: 'en', kind: 'changed_figure', query: 'qc', candidate: 'cc', match: false },
  { id: 'd', lang: 'en', kind: 'unrelated', query: 'qd', candidate: 'cd', match: false },
  {
    id: 'x',
    lang: 'fr',
    candidateLang: 'en',
    kind: 'cross_language',
    query: 'qx',
    candidate: 'cx',
    match: true,
  },
];

describe('evaluateMatching', () => {
  it.each([
    {
      name: 'perfect',
      returned: { a: ['ca'], b: ['cb'], c: [], d: [], x: ['cx'] },
      expected: {
        precisionAt1: 1,
        recallAt5: 1,
        changedFigureRate: 0,
        falseMatchRate: 0,
        crossLanguageRecallAt5: 1,
        queriesWithAMatch: 2,
      },
    },
    {
      name: 'a distractor first, the right one second',
      returned: { a: ['cb', 'ca'], b: [], c: [], d: [], x: [] },
      expected: { precisionAt1: 0, recallAt5: 0.5, changedFigureRate: 0, queriesWithAMatch: 1 },
    },
    {
      name: 'a changed figure returned, an unrelated one too',
      returned: { a: ['ca'], b: ['cb'], c: ['cc'], d: ['cd'], x: [] },
      expected: {
        precisionAt1: 0.5,
        recallAt5: 1,
        changedFigureRate: 1,
        falseMatchRate: 1,
        crossLanguageRecallAt5: 0,
      },
    },
    {
      name: 'beyond the fifth is not recalled',
      returned: { a: ['c1', 'c2', 'c3', 'c4', 'c5', 'ca'], b: ['cb'], c: [], d: [], x: [] },
      expected: { recallAt5: 0.5 },
    },
  ])('$name', ({ returned, expected }) => {
    const metrics = evaluateMatching(pairs, new Map(Object.entries(returned)));
    expect(metrics).toMatchObject(expected);
    expect(metrics.byKind.paraphrase!.pairs).toBe(2);
  });
});
