import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FUZZY_MAX_QUOTE_LENGTH,
  FUZZY_QUOTE_THRESHOLD,
  anchor,
  anchorByFuzzyQuote,
  anchorByPosition,
  anchorByQuote,
  describeRange,
  selectorsOf,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
} from '@/lib/anchoring';

const ARTICLE = readFileSync(
  fileURLToPath(new URL('../../../prisma/seed/seed-fr.txt', import.meta.url)),
  'utf8',
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Range of the `occurrence`-th (0-based) match of `needle`. */
function find(text: string, needle: string, occurrence = 0): TextRange {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length };
}

const q = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
});
const p = (start: number, end: number): TextPositionSelector => ({
  type: 'TextPositionSelector',
  start,
  end,
});

describe('anchorByFuzzyQuote on the French seed article', () => {
  const cases: {
    name: string;
    quote: string;
    occurrence?: number;
    edit: (text: string) => string;
    /** Passage expected in the edited text (`null`: not found), and its occurrence. */
    expected: string | null;
    expectedOccurrence?: number;
  }[] = [
    {
      name: 'a typo inside the quote',
      quote: 'cinq millions de projectiles',
      edit: (t) => t.replace('de projectiles transportés', 'de projectils transportés'),
      expected: 'cinq millions de projectils',
    },
    {
      name: 'a word deleted inside the quote',
      quote: 'des missiles de longue portée et des avions de combat',
      edit: (t) => t.replace('missiles de longue portée', 'missiles de portée'),
      expected: 'des missiles de portée et des avions de combat',
    },
    {
      name: 'the first word replaced: the range is widened to the whole new word',
      quote: 'cinq millions de projectiles',
      edit: (t) => t.replace('cinq millions', 'quatre millions'),
      expected: 'quatre millions de projectiles',
    },
    {
      name: 'the last word replaced: the range is widened to the whole new word',
      quote: 'pacte de partenariat stratégique global',
      edit: (t) => t.replace('stratégique global', 'stratégique étendu'),
      expected: 'pacte de partenariat stratégique étendu',
    },
    {
      name: 'a selection starting inside a word is not widened',
      quote: 'illions de projectiles',
      edit: (t) => t.replace('de projectiles transportés', 'de projectils transportés'),
      expected: 'illions de projectils',
    },
    {
      name: 'repeated quote edited everywhere: context picks the first occurrence',
      quote: 'Corée du Nord',
      occurrence: 0,
      edit: (t) => t.replaceAll('Corée du Nord', 'Corée-du-Nord'),
      expected: 'Corée-du-Nord',
      expectedOccurrence: 0,
    },
    {
      name: 'repeated quote edited everywhere: context picks the second occurrence',
      quote: 'Corée du Nord',
      occurrence: 1,
      edit: (t) => t.replaceAll('Corée du Nord', 'Corée-du-Nord'),
      expected: 'Corée-du-Nord',
      expectedOccurrence: 1,
    },
    {
      name: 'the quote no longer exists at all',
      quote: 'une aide mutuelle en cas d’agression',
      edit: (t) => t.replace('une aide mutuelle en cas d’agression', 'une assistance réciproque'),
      expected: null,
    },
    {
      name: 'a short quote edited beyond the threshold',
      quote: 'Moscou',
      edit: (t) => t.replaceAll('Moscou', 'Moskva'),
      expected: null,
    },
    {
      name: 'the highlighted sentence deleted',
      quote: 'un accueil extraordinaire',
      edit: (t) => t.replace(/ C’est le message[^\n]*extraordinaire\./, ''),
      expected: null,
    },
  ];

  it.each(cases)('$name', ({ quote, occurrence = 0, edit, expected, expectedOccurrence = 0 }) => {
    const selectors = describeRange(ARTICLE, find(ARTICLE, quote, occurrence));
    const text = edit(ARTICLE);
    expect(text).not.toBe(ARTICLE);
    const result = anchorByFuzzyQuote(selectorsOf(selectors), text);
    if (expected === null) {
      expect(result).toBeNull();
      expect(anchor(selectors, text)).toBeNull();
      return;
    }
    const range = find(text, expected, expectedOccurrence);
    expect(result).toMatchObject({ ...range, method: 'fuzzy' });
    expect(result!.score).toBeGreaterThanOrEqual(FUZZY_QUOTE_THRESHOLD);
    expect(result!.score).toBeLessThan(1);
    // The first two steps are unchanged: they cannot place an edited quote.
    expect(anchorByPosition(selectorsOf(selectors), text)).toBeNull();
    expect(anchorByQuote(selectorsOf(selectors), text)).toBeNull();
    expect(anchor(selectors, text)).toEqual(result);
  });

  it('scores a one-character typo as 1 − 1 / length', () => {
    const quote = 'cinq millions de projectiles';
    const selectors = describeRange(ARTICLE, find(ARTICLE, quote));
    const text = ARTICLE.replace('de projectiles transportés', 'de projectils transportés');
    expect(anchor(selectors, text)?.score).toBeCloseTo(1 - 1 / quote.length, 10);
  });
});

describe('anchorByFuzzyQuote: ranking and limits', () => {
  it.each([
    {
      name: 'no context, no position: earliest candidate',
      text: 'le chien dort. le chien dort.',
      selectors: [q('chiens')],
      start: 3,
    },
    {
      name: 'no context: the candidate closest to the stored position',
      text: 'le chien dort. le chien dort.',
      selectors: [q('chiens'), p(18, 24)],
      start: 18,
    },
    {
      name: 'context outweighs the stored position',
      text: 'le chien dort. le chien mange.',
      selectors: [q('chiens', 'le ', ' mange'), p(3, 9)],
      start: 18,
    },
    {
      name: 'an exact occurrence has score 1 when the step is called directly',
      text: 'le chien dort.',
      selectors: [q('chien')],
      start: 3,
      score: 1,
    },
  ] as { name: string; text: string; selectors: Selector[]; start: number; score?: number }[])(
    '$name',
    ({ text, selectors, start, score }) => {
      const result = anchorByFuzzyQuote(selectorsOf(selectors), text);
      expect(result?.start).toBe(start);
      expect(result?.method).toBe('fuzzy');
      if (score !== undefined) expect(result?.score).toBe(score);
    },
  );

  it.each([
    { name: 'no quote selector', selectors: [p(0, 5)] },
    { name: 'empty quote', selectors: [q('')] },
    { name: 'empty text', selectors: [q('chien')], text: '' },
  ] as { name: string; selectors: Selector[]; text?: string }[])(
    'returns null with $name',
    ({ selectors, text = 'le chien dort.' }) => {
      expect(anchorByFuzzyQuote(selectorsOf(selectors), text)).toBeNull();
    },
  );

  it('skips quotes longer than FUZZY_MAX_QUOTE_LENGTH', () => {
    const edit = (t: string) => t.replace('une alliance étonnante', 'une entente étonnante');
    const long = ARTICLE.slice(0, FUZZY_MAX_QUOTE_LENGTH + 1);
    expect(anchorByFuzzyQuote(selectorsOf([q(long)]), edit(ARTICLE))).toBeNull();
    // At the limit, the same edit is found.
    const atLimit = ARTICLE.slice(0, FUZZY_MAX_QUOTE_LENGTH);
    const result = anchorByFuzzyQuote(selectorsOf([q(atLimit)]), edit(ARTICLE));
    expect(result).toMatchObject({ start: 0, method: 'fuzzy' });
    expect(result!.end).toBe(FUZZY_MAX_QUOTE_LENGTH + 'entente'.length - 'alliance'.length);
  });

  it.each([
    { quote: 'Fait vérifié 👍', text: 'Avis : Fait vérifié 👎 !', expected: 'Fait vérifié 👎' },
    { quote: 'abcd👍', text: 'xx abcd👎 yy', expected: 'abcd👎' },
    { quote: '👍 Fait vérifié', text: 'Avis : 👎 Fait vérifié !', expected: '👎 Fait vérifié' },
  ])('never splits a surrogate pair ($expected)', ({ quote, text, expected }) => {
    const result = anchorByFuzzyQuote(selectorsOf([q(quote)]), text);
    expect(result).toMatchObject({ ...find(text, expected), method: 'fuzzy' });
    expect(text.slice(result!.start, result!.end)).not.toMatch(LONE_SURROGATE);
  });
});

describe('anchorByFuzzyQuote: large texts (sanity runs, no timing assertions)', () => {
  it('anchors a 50-character edited quote in a 100,000-character article', () => {
    const copies = Math.ceil(100_000 / ARTICLE.length);
    const quote = 'l’augmentation des livraisons d’armes occidentales';
    expect(quote).toHaveLength(50);
    const original = Array.from({ length: copies }, () => ARTICLE).join('\n');
    // Highlight the copy in the middle, then edit the quote in every copy.
    const middle = Math.floor(copies / 2);
    const selectors = describeRange(original, find(original, quote, middle));
    const edited = original.replaceAll('livraisons d’armes', 'envois d’armes');
    expect(edited.length).toBeGreaterThan(100_000);

    const result = anchor(selectors, edited);
    const expected = find(edited, 'l’augmentation des envois d’armes occidentales', middle);
    expect(result).toMatchObject({ ...expected, method: 'fuzzy' });
  });

  it('copes with very repetitive text (many equally good candidates)', () => {
    const text = 'ab'.repeat(50_000);
    const quote = 'ab'.repeat(24) + 'xy';
    const result = anchorByFuzzyQuote(selectorsOf([q(quote), p(60_000, 60_050)]), text);
    expect(result?.method).toBe('fuzzy');
    expect(Math.abs(result!.start - 60_000)).toBeLessThan(100);
  });

  it('gives up quickly on a text without any close match', () => {
    const text = 'xyz '.repeat(25_000);
    const quote = 'une alliance étonnante s’est formée entre la Russie';
    expect(anchorByFuzzyQuote(selectorsOf([q(quote)]), text)).toBeNull();
  });
});
