import { describe, expect, it } from 'vitest';
import { describeRange, trimRange } from '@/lib/anchoring';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('describeRange', () => {
  const text = 'Le pacte signé à Pyongyang engage les deux pays à une aide mutuelle.';

  it('describes a range with exact text, 32 characters of context and a position', () => {
    const start = text.indexOf('les deux');
    const end = start + 'les deux pays'.length;
    const [quote, position] = describeRange(text, { start, end });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'les deux pays',
      prefix: text.slice(0, start).slice(-32),
      suffix: text.slice(end, end + 32),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it.each([
    { name: 'range at the start', start: 0, end: 2, prefix: '', suffix: text.slice(2, 34) },
    {
      name: 'range at the end',
      start: text.length - 8,
      end: text.length,
      prefix: text.slice(text.length - 40, text.length - 8),
      suffix: '',
    },
    { name: 'whole text', start: 0, end: text.length, prefix: '', suffix: '' },
    {
      name: 'short context near the start',
      start: 3,
      end: 8,
      prefix: 'Le ',
      suffix: text.slice(8, 40),
    },
  ])('keeps both context keys at the text edges ($name)', ({ start, end, prefix, suffix }) => {
    const [quote] = describeRange(text, { start, end });
    expect(quote.prefix).toBe(prefix);
    expect(quote.suffix).toBe(suffix);
  });

  it('honours a custom context length', () => {
    const start = text.indexOf('Pyongyang');
    const [quote] = describeRange(text, { start, end: start + 9 }, 4);
    expect(quote).toMatchObject({ exact: 'Pyongyang', prefix: 'é à ', suffix: ' eng' });
  });

  const emoji = '🙂'; // two UTF-16 code units
  it.each([
    {
      name: 'prefix edge would cut an emoji',
      text: emoji.repeat(20) + 'xFait' + emoji.repeat(20),
      exact: 'Fait',
      prefixLength: 31, // 'x' + 15 emojis, the half emoji is dropped
      suffixLength: 32,
    },
    {
      name: 'suffix edge would cut an emoji',
      text: emoji.repeat(20) + 'Faity' + emoji.repeat(20),
      exact: 'Fait',
      prefixLength: 32,
      suffixLength: 31, // 'y' + 15 emojis
    },
    {
      name: 'edges fall between emojis',
      text: emoji.repeat(20) + 'Fait' + emoji.repeat(20),
      exact: 'Fait',
      prefixLength: 32,
      suffixLength: 32,
    },
    {
      name: 'flags and accents around the quote',
      text: 'é🇫🇷'.repeat(12) + 'xFait' + 'ç🇫🇷'.repeat(12),
      exact: 'Fait',
      prefixLength: 31,
      suffixLength: 31,
    },
  ])('never splits a surrogate pair at a context edge ($name)', (c) => {
    const start = c.text.indexOf(c.exact);
    const [quote] = describeRange(c.text, { start, end: start + c.exact.length });
    expect(quote.prefix).toHaveLength(c.prefixLength);
    expect(quote.suffix).toHaveLength(c.suffixLength);
    expect(quote.prefix).not.toMatch(LONE_SURROGATE);
    expect(quote.suffix).not.toMatch(LONE_SURROGATE);
    expect(c.text.slice(0, start).endsWith(quote.prefix ?? '?')).toBe(true);
    expect(c.text.slice(start + c.exact.length).startsWith(quote.suffix ?? '?')).toBe(true);
  });

  it.each([
    { name: 'negative start', start: -1, end: 3 },
    { name: 'end past the text', start: 0, end: text.length + 1 },
    { name: 'empty range', start: 5, end: 5 },
    { name: 'inverted range', start: 6, end: 5 },
    { name: 'fractional offsets', start: 1.5, end: 4 },
    { name: 'NaN offsets', start: Number.NaN, end: 4 },
  ])('throws RangeError for an invalid range ($name)', ({ start, end }) => {
    expect(() => describeRange(text, { start, end })).toThrow(RangeError);
  });

  it('throws RangeError for an invalid context length', () => {
    expect(() => describeRange(text, { start: 0, end: 2 }, -1)).toThrow(RangeError);
  });
});

describe('trimRange', () => {
  const text = ' Le  «\u00a0pacte\u00a0» est signé. \n Suite ';
  const at = (s: string) => text.indexOf(s);

  it.each([
    { name: 'already trimmed', range: { start: at('Le'), end: at('Le') + 2 }, expected: 'Le' },
    { name: 'leading space', range: { start: 0, end: at('Le') + 2 }, expected: 'Le' },
    { name: 'trailing spaces', range: { start: at('Le'), end: at('«') }, expected: 'Le' },
    {
      name: 'no-break spaces inside guillemets',
      range: { start: at('\u00a0pacte'), end: at('»') },
      expected: 'pacte',
    },
    {
      name: 'across a newline',
      range: { start: at('signé'), end: at('Suite') + 5 },
      expected: 'signé. \n Suite',
    },
    {
      name: 'selection beyond the text is clamped',
      range: { start: -4, end: 999 },
      expected: text.trim(),
    },
    { name: 'only whitespace', range: { start: at('. \n') + 1, end: at('Suite') }, expected: null },
    { name: 'empty range', range: { start: 3, end: 3 }, expected: null },
    { name: 'inverted range', range: { start: 8, end: 3 }, expected: null },
  ])('$name', ({ range, expected }) => {
    const trimmed = trimRange(text, range);
    if (expected === null) {
      expect(trimmed).toBeNull();
    } else {
      expect(trimmed).not.toBeNull();
      expect(text.slice(trimmed!.start, trimmed!.end)).toBe(expected);
      expect(trimmed!.start).toBeGreaterThanOrEqual(Math.max(0, range.start));
      expect(trimmed!.end).toBeLessThanOrEqual(Math.min(text.length, range.end));
    }
  });
});
