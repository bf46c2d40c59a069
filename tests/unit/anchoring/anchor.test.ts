import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ANCHOR_STEPS,
  anchor,
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

/** Range of the `occurrence`-th (0-based) match of `needle`, or of `from`…`to` inclusive. */
function find(text: string, needle: string, occurrence = 0): TextRange {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length };
}

function span(text: string, from: string, to: string): TextRange {
  const start = find(text, from).start;
  const end = text.indexOf(to, start) + to.length;
  return { start, end };
}

function allOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

describe('anchor: describe → anchor round trips on the French seed article', () => {
  const cases: {
    name: string;
    range: TextRange;
    edit?: (text: string) => string;
    keep?: 'both' | 'quote' | 'position';
    expected: 'same' | 'shifted' | null;
    method?: 'position' | 'quote';
    shift?: number;
  }[] = [
    {
      name: 'phrase inside one sentence',
      range: find(ARTICLE, 'une alliance étonnante'),
      expected: 'same',
      method: 'position',
    },
    {
      name: 'highlight spanning two sentences',
      range: span(ARTICLE, 'a précisé le président', 'Ce qui est différent'),
      expected: 'same',
      method: 'position',
    },
    {
      name: 'highlight spanning a paragraph break',
      range: span(ARTICLE, 'un accueil extraordinaire.', 'La preuve'),
      expected: 'same',
      method: 'position',
    },
    {
      name: 'text inserted before the highlight',
      range: find(ARTICLE, 'Besoin urgent de munitions'),
      edit: (t) => 'Mise à jour du 20 juin. ' + t,
      expected: 'shifted',
      shift: 'Mise à jour du 20 juin. '.length,
      method: 'quote',
    },
    {
      name: 'text removed before the highlight',
      range: find(ARTICLE, 'cinq millions de projectiles'),
      edit: (t) => t.replace('Née des circonstances pressantes de la guerre ukrainienne, ', ''),
      expected: 'shifted',
      shift: -'Née des circonstances pressantes de la guerre ukrainienne, '.length,
      method: 'quote',
    },
    {
      name: 'same-length edit before the highlight keeps the position',
      range: find(ARTICLE, 'Pyongyang'),
      edit: (t) => t.replace('Vladimir Poutine lors', 'Vladimir Poutine hier'),
      expected: 'same',
      method: 'position',
    },
    {
      name: 'text edited right next to the highlight',
      range: find(ARTICLE, 'pacte de partenariat stratégique global'),
      edit: (t) =>
        t.replace('l’inattendue signature d’un « pacte', 'la signature surprise d’un « pacte'),
      expected: 'shifted',
      shift: 'la signature surprise'.length - 'l’inattendue signature'.length,
      method: 'quote',
    },
    {
      name: 'quote removed from the text',
      range: find(ARTICLE, 'une aide mutuelle en cas d’agression'),
      edit: (t) => t.replace('une aide mutuelle en cas d’agression', 'une assistance réciproque'),
      expected: null,
    },
    // 'quote edited inside' now falls through to the fuzzy step: see fuzzy.test.ts.
    {
      name: 'position selector only',
      range: find(ARTICLE, 'Corée du Nord', 1),
      keep: 'position',
      expected: 'same',
      method: 'position',
    },
    {
      // Without a quote there is nothing to check the offsets against: they are trusted.
      name: 'position selector only, text edited before (cannot notice the shift)',
      range: find(ARTICLE, 'Corée du Nord', 1),
      keep: 'position',
      edit: (t) => 'X' + t,
      expected: 'same',
      method: 'position',
    },
    {
      name: 'position selector only, out of range after the text shrank',
      range: find(ARTICLE, 'La suite est privée pour les abonnés.'),
      keep: 'position',
      edit: (t) => t.slice(0, 100),
      expected: null,
    },
    {
      name: 'quote selector only',
      range: find(ARTICLE, 'Moscou', 1),
      keep: 'quote',
      expected: 'same',
      method: 'quote',
    },
    {
      name: 'out-of-range position falls back to the quote',
      range: find(ARTICLE, 'La suite est privée'),
      edit: (t) => t.replace(/^[^\n]*\n/, ''), // first paragraph deleted
      expected: 'shifted',
      shift: -(ARTICLE.indexOf('\n') + 1),
      method: 'quote',
    },
    {
      name: 'out-of-range position and quote gone',
      range: find(ARTICLE, 'La suite est privée'),
      edit: (t) => t.slice(0, t.indexOf('Il reste encore')),
      expected: null,
    },
    {
      name: 'context at the start edge of the text',
      range: find(ARTICLE, 'Née des circonstances'),
      edit: (t) => 'Analyse. ' + t,
      expected: 'shifted',
      shift: 'Analyse. '.length,
      method: 'quote',
    },
    {
      name: 'context at the end edge of the text',
      range: find(ARTICLE, 'pour les abonnés.'),
      edit: (t) => 'Analyse. ' + t + ' Fin.',
      expected: 'shifted',
      shift: 'Analyse. '.length,
      method: 'quote',
    },
    {
      name: 'whole text',
      range: { start: 0, end: ARTICLE.length },
      expected: 'same',
      method: 'position',
    },
  ];

  it.each(cases)('$name', ({ range, edit, keep = 'both', expected, method, shift = 0 }) => {
    const [quote, position] = describeRange(ARTICLE, range);
    const selectors: Selector[] =
      keep === 'quote' ? [quote] : keep === 'position' ? [position] : [quote, position];
    const text = edit ? edit(ARTICLE) : ARTICLE;
    const result = anchor(selectors, text);

    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    const delta = expected === 'shifted' ? shift : 0;
    expect(result).toEqual({ start: range.start + delta, end: range.end + delta, method });
    if (keep !== 'position') expect(text.slice(result!.start, result!.end)).toBe(quote.exact);
  });
});

describe('anchor: repeated quotes are disambiguated by their context', () => {
  const words = ['de', 'la', 'Moscou', 'pacte', 'Poutine', 'russe', 'alliance', 'Corée du Nord'];
  const cases = words.flatMap((word) =>
    allOccurrences(ARTICLE, word).map((start, occurrence) => ({ word, occurrence, start })),
  );

  it('covers words that really are repeated', () => {
    expect(allOccurrences(ARTICLE, 'de').length).toBeGreaterThan(20);
  });

  it.each(cases)('"$word" #$occurrence, quote only', ({ word, start }) => {
    const [quote] = describeRange(ARTICLE, { start, end: start + word.length });
    expect(anchor([quote], ARTICLE)).toEqual({ start, end: start + word.length, method: 'quote' });
  });

  it.each(cases.filter((c) => c.occurrence % 3 === 0))(
    '"$word" #$occurrence, text inserted before so the position is stale',
    ({ word, start }) => {
      const [quote, position] = describeRange(ARTICLE, { start, end: start + word.length });
      const inserted = 'de la ';
      const edited = insertAt(ARTICLE, 0, inserted);
      expect(anchor([quote, position], edited)).toEqual({
        start: start + inserted.length,
        end: start + inserted.length + word.length,
        method: 'quote',
      });
    },
  );
});

describe('anchor: quote scoring and tie-breaking', () => {
  const q = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
    type: 'TextQuoteSelector',
    exact,
    ...(prefix === undefined ? {} : { prefix }),
    ...(suffix === undefined ? {} : { suffix }),
  });
  const p = (start: number, end: number): TextPositionSelector => ({
    type: 'TextPositionSelector',
    start,
    end,
  });
  const text = 'le chat dort. le chien dort. le chat mange. le chat dort.';
  //            0         1         2         3         4         5
  //            0123456789012345678901234567890123456789012345678901234567

  it.each([
    { name: 'no context, no position: first occurrence', selectors: [q('chat')], start: 3 },
    { name: 'suffix picks the occurrence', selectors: [q('chat', '', ' mange')], start: 32 },
    { name: 'prefix picks the occurrence', selectors: [q('dort', 'chien ')], start: 23 },
    {
      name: 'partial context still wins over a worse match',
      selectors: [q('chat', 'XXXX. le ', ' mangeait')],
      start: 32,
    },
    {
      name: 'equal scores: closest to the stale position',
      selectors: [q('chat', 'le ', ' dort'), p(50, 54)],
      start: 47,
    },
    {
      name: 'equal scores and equidistant: earliest occurrence',
      selectors: [q('le'), p(7, 9)],
      start: 0,
    },
    {
      name: 'context beats closeness to the position',
      selectors: [q('chat', 'le ', ' mange'), p(4, 8)], // stale: slice is 'hat '
      start: 32,
    },
    {
      name: 'overlapping occurrences are all candidates',
      selectors: [q('aa', 'a', 'y')],
      text: 'xaaay', // a search resuming after each match would only see index 1
      start: 2,
    },
    {
      name: 'position whose slice differs from the quote',
      selectors: [q('chien'), p(3, 8)],
      start: 17,
    },
    { name: 'empty exact never anchors', selectors: [q('')], start: null },
    { name: 'no selectors', selectors: [], start: null },
    {
      name: 'position only, empty range',
      selectors: [p(4, 4)],
      start: null,
    },
    {
      name: 'position only, negative start',
      selectors: [p(-1, 4)],
      start: null,
    },
  ] as { name: string; selectors: Selector[]; text?: string; start: number | null }[])(
    '$name',
    ({ selectors, text: t = text, start }) => {
      const result = anchor(selectors, t);
      if (start === null) {
        expect(result).toBeNull();
      } else {
        const exact = selectorsOf(selectors).quote?.exact ?? '';
        expect(result).toEqual({ start, end: start + exact.length, method: 'quote' });
      }
    },
  );

  it('is deterministic when several occurrences share the full context', () => {
    const repeated = 'Oui. Non. Oui. Non. Oui. Non.';
    const [quote] = describeRange(repeated, { start: 10, end: 13 }, 4);
    const results = new Set(
      Array.from({ length: 5 }, () => JSON.stringify(anchor([quote], repeated))),
    );
    expect(results.size).toBe(1);
    expect(anchor([quote], repeated)).toEqual({ start: 10, end: 13, method: 'quote' });
  });
});

describe('anchor: unicode contexts', () => {
  const text =
    'Réaction 🇫🇷 : « Fait vérifié 👍 » — ' +
    'puis 🙂🙂 « Fait vérifié 👍 » selon 𝒜𝒻𝓅 — et enfin « Fait vérifié 👍 » 😀.';

  it.each(allOccurrences(text, 'Fait vérifié 👍').map((start, i) => ({ i, start })))(
    'occurrence #$i is found again after an emoji is inserted before it',
    ({ start }) => {
      const range = { start, end: start + 'Fait vérifié 👍'.length };
      const selectors = describeRange(text, range, 12);
      const edited = '🚨 ' + text;
      expect(anchor(selectors, edited)).toEqual({
        start: range.start + 3,
        end: range.end + 3,
        method: 'quote',
      });
    },
  );
});

describe('selectorsOf', () => {
  it('keeps the first selector of each type', () => {
    const first: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'a' };
    const second: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'b' };
    const position: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: 1 };
    expect(selectorsOf([first, position, second])).toEqual({ quote: first, position });
    expect(selectorsOf([])).toEqual({});
  });
});

describe('ANCHOR_STEPS', () => {
  it('tries position, then quote, then fuzzy', () => {
    expect(ANCHOR_STEPS.map((step) => step.name)).toEqual(['position', 'quote', 'fuzzy']);
  });
});
