// The claim-matching evaluation set (tests/fixtures/claim-matching/eval-set.json) is well-formed:
// enough pairs in each language, every kind present and labelled by its kind's rule (a paraphrase,
// a reordering, a quote against reported speech, a negation or a translation is the same claim; a
// different assertion on the same topic, a changed figure or year, an unrelated text is not),
// unique ids, queries and candidates (all candidates are indexed together, each a distractor for
// the other queries), and a candidate language only on cross-language pairs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_KINDS, type EvalKind, type EvalPair } from '@/lib/matching/evaluate';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/claim-matching/eval-set.json');

const LANGS = ['fr', 'en'];
const PAIR_KEYS = ['id', 'lang', 'candidateLang', 'kind', 'query', 'candidate', 'match'];

/** The label each kind must carry. */
const MATCH_BY_KIND: Record<EvalKind, boolean> = {
  paraphrase: true,
  reordered: true,
  quote_vs_reported: true,
  negation: true,
  cross_language: true,
  same_topic_different_claim: false,
  changed_figure: false,
  changed_year: false,
  unrelated: false,
};

const set = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  description: unknown;
  licence: unknown;
  pairs: EvalPair[];
};
const pairs = set.pairs;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

describe('claim-matching evaluation set', () => {
  it('has a description, a CC0 licence and nothing else at the top level', () => {
    expect(Object.keys(set).sort()).toEqual(['description', 'licence', 'pairs']);
    expect(typeof set.description).toBe('string');
    expect((set.description as string).length).toBeGreaterThan(100);
    expect(set.licence).toBe('CC0-1.0');
    expect(Array.isArray(pairs)).toBe(true);
  });

  it('holds at least 150 pairs, at least 60 in each language besides cross-language ones', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    for (const lang of LANGS) {
      const count = pairs.filter((p) => p.lang === lang && p.kind !== 'cross_language').length;
      expect(count, lang).toBeGreaterThanOrEqual(60);
    }
  });

  it('gives every pair the expected fields, with non-empty texts', () => {
    const malformed = pairs.filter(
      (p) =>
        Object.keys(p).some((key) => !PAIR_KEYS.includes(key)) ||
        typeof p.id !== 'string' ||
        typeof p.query !== 'string' ||
        typeof p.candidate !== 'string' ||
        p.query.trim() === '' ||
        p.candidate.trim() === '' ||
        typeof p.match !== 'boolean',
    );
    expect(malformed.map((p) => p.id)).toEqual([]);
  });

  it('has every kind, and only known kinds, each labelled by its rule', () => {
    expect(new Set(pairs.map((p) => p.kind))).toEqual(new Set(EVAL_KINDS));
    expect(Object.keys(MATCH_BY_KIND).sort()).toEqual([...EVAL_KINDS].sort());
    const mislabelled = pairs.filter((p) => p.match !== MATCH_BY_KIND[p.kind]);
    expect(mislabelled.map((p) => `${p.id} (${p.kind})`)).toEqual([]);
  });

  it('has unique ids, unique queries and unique candidates', () => {
    expect(duplicates(pairs.map((p) => p.id))).toEqual([]);
    expect(duplicates(pairs.map((p) => p.query))).toEqual([]);
    expect(duplicates(pairs.map((p) => p.candidate))).toEqual([]);
  });

  it('uses valid languages, a candidate language only across languages, and ids that say so', () => {
    const wrong = pairs.filter((p) => {
      if (!LANGS.includes(p.lang)) return true;
      if (p.kind === 'cross_language') {
        return (
          p.candidateLang === undefined ||
          !LANGS.includes(p.candidateLang) ||
          p.candidateLang === p.lang ||
          !/^x-\d{3}$/.test(p.id)
        );
      }
      return 'candidateLang' in p || !new RegExp(`^${p.lang}-\\d{3}$`).test(p.id);
    });
    expect(wrong.map((p) => p.id)).toEqual([]);
  });
});
