import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  moveOffset,
  selectionCommand,
  selectionRange,
  type Direction,
  type Granularity,
  type KeyLike,
  type SelectionCommand,
} from '@/lib/anchoring/keyboard-selection';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('selectionCommand', () => {
  const cases: [string, KeyLike, SelectionCommand | null][] = [
    [
      'Shift+→ extends by a character',
      key('ArrowRight', { shiftKey: true }),
      { kind: 'extend', direction: 'forward', granularity: 'character' },
    ],
    [
      'Shift+← extends backwards',
      key('ArrowLeft', { shiftKey: true }),
      { kind: 'extend', direction: 'backward', granularity: 'character' },
    ],
    [
      'Ctrl+Shift+→ extends by a word',
      key('ArrowRight', { shiftKey: true, ctrlKey: true }),
      { kind: 'extend', direction: 'forward', granularity: 'word' },
    ],
    [
      'Alt+Shift+← (macOS) extends by a word',
      key('ArrowLeft', { shiftKey: true, altKey: true }),
      { kind: 'extend', direction: 'backward', granularity: 'word' },
    ],
    [
      '→ alone moves the caret',
      key('ArrowRight'),
      { kind: 'move', direction: 'forward', granularity: 'character' },
    ],
    [
      'Ctrl+← moves by a word',
      key('ArrowLeft', { ctrlKey: true }),
      { kind: 'move', direction: 'backward', granularity: 'word' },
    ],
    [
      'Shift+End extends to the end of the sentence',
      key('End', { shiftKey: true }),
      { kind: 'extend', direction: 'forward', granularity: 'sentence' },
    ],
    [
      'Shift+Home extends to its start',
      key('Home', { shiftKey: true }),
      { kind: 'extend', direction: 'backward', granularity: 'sentence' },
    ],
    ['Ctrl+End is the browser’s', key('End', { ctrlKey: true, shiftKey: true }), null],
    ['Cmd+Shift+→ is the browser’s', key('ArrowRight', { metaKey: true, shiftKey: true }), null],
    ['↑ is not a selection step', key('ArrowUp', { shiftKey: true }), null],
    ['a letter is not one', key('h'), null],
  ];
  it.each(cases)('%s', (_name, event, expected) => {
    expect(selectionCommand(event)).toEqual(expected);
  });
});

describe('moveOffset', () => {
  const text = 'Le pacte signé à Pyongyang, engage… les deux pays.';
  const all = { start: 0, end: text.length };
  const at = (needle: string) => text.indexOf(needle);

  const cases: [string, number, Direction, Granularity, number][] = [
    ['a character forward', 0, 'forward', 'character', 1],
    ['a character backward', 3, 'backward', 'character', 2],
    ['an accented letter is one step', at('é'), 'forward', 'character', at('é') + 1],
    ['from a word start to its end', 0, 'forward', 'word', 2],
    ['from inside a word to its end', at('acte'), 'forward', 'word', at(' signé')],
    ['across a space to the next word’s end', 2, 'forward', 'word', at(' signé')],
    ['across punctuation', at(', engage'), 'forward', 'word', at('…')],
    ['an elided word forward', 0, 'forward', 'word', 2],
    ['backward to the word start', at(' signé'), 'backward', 'word', at('pacte')],
    ['backward from inside a word', at('gné'), 'backward', 'word', at('signé')],
    ['backward across spaces and punctuation', at(' les'), 'backward', 'word', at('engage')],
    ['no word after: to the end', at('.'), 'forward', 'word', text.length],
    ['no word before: to the start', 0, 'backward', 'word', 0],
    ['stays at the end', text.length, 'forward', 'character', text.length],
    ['stays at the start', 0, 'backward', 'character', 0],
    ['to the sentence end', 5, 'forward', 'sentence', text.length],
    ['to the sentence start', 5, 'backward', 'sentence', 0],
  ];
  it.each(cases)('%s', (_name, offset, direction, granularity, expected) => {
    expect(moveOffset(text, offset, { direction, granularity, limits: all, locale: 'fr' })).toBe(
      expected,
    );
  });

  it('never splits an emoji or a letter with a combining accent', () => {
    const emoji = 'a👍🏽b';
    expect(
      moveOffset(emoji, 1, {
        direction: 'forward',
        granularity: 'character',
        limits: { start: 0, end: emoji.length },
      }),
    ).toBe(5);
    expect(
      moveOffset(emoji, 5, {
        direction: 'backward',
        granularity: 'character',
        limits: { start: 0, end: emoji.length },
      }),
    ).toBe(1);
    const combining = 'Cre\u0301e';
    expect(
      moveOffset(combining, 2, {
        direction: 'forward',
        granularity: 'character',
        limits: { start: 0, end: combining.length },
      }),
    ).toBe(4);
  });

  it('keeps within the limits given', () => {
    const limits = { start: at('signé'), end: at(' à') };
    expect(
      moveOffset(text, limits.end, { direction: 'forward', granularity: 'word', limits }),
    ).toBe(limits.end);
    expect(
      moveOffset(text, limits.start, { direction: 'backward', granularity: 'character', limits }),
    ).toBe(limits.start);
    expect(moveOffset(text, 0, { direction: 'forward', granularity: 'character', limits })).toBe(
      limits.start + 1,
    );
    expect(
      moveOffset(text, at('gné'), { direction: 'forward', granularity: 'sentence', limits }),
    ).toBe(limits.end);
  });

  it('finds words beyond the segmenter window, in a long text', () => {
    const long = `${'x'.repeat(1000)} mot ${' '.repeat(600)}fin`;
    const all2 = { start: 0, end: long.length };
    // A word longer than the window is crossed whole.
    expect(moveOffset(long, 0, { direction: 'forward', granularity: 'word', limits: all2 })).toBe(
      1000,
    );
    expect(
      moveOffset(long, 1000, { direction: 'backward', granularity: 'word', limits: all2 }),
    ).toBe(0);
    // Spaces longer than the window are crossed to the next word.
    const afterMot = long.indexOf('mot') + 3;
    expect(
      moveOffset(long, afterMot, { direction: 'forward', granularity: 'word', limits: all2 }),
    ).toBe(long.length);
    expect(
      moveOffset(long, long.length - 3, {
        direction: 'backward',
        granularity: 'word',
        limits: all2,
      }),
    ).toBe(long.indexOf('mot'));
  });

  it('takes a malformed language tag without failing', () => {
    expect(
      moveOffset(text, 0, {
        direction: 'forward',
        granularity: 'word',
        limits: all,
        locale: 'not a tag!',
      }),
    ).toBe(2);
  });
});

describe('applyCommand and selectionRange', () => {
  const text = 'Cinq millions de projectiles.';
  const limits = { start: 0, end: text.length };
  const extend = (direction: Direction, granularity: Granularity): SelectionCommand => ({
    kind: 'extend',
    direction,
    granularity,
  });

  const cases: [
    string,
    { anchor: number; focus: number },
    SelectionCommand,
    { start: number; end: number },
  ][] = [
    [
      'Shift+→ from a caret selects one character',
      { anchor: 0, focus: 0 },
      extend('forward', 'character'),
      { start: 0, end: 1 },
    ],
    [
      'a word step selects the word',
      { anchor: 0, focus: 0 },
      extend('forward', 'word'),
      { start: 0, end: 4 },
    ],
    ['two words', { anchor: 0, focus: 4 }, extend('forward', 'word'), { start: 0, end: 13 }],
    [
      'backwards shrinks it',
      { anchor: 0, focus: 13 },
      extend('backward', 'word'),
      { start: 0, end: 5 },
    ],
    [
      'past the anchor it selects before it',
      { anchor: 5, focus: 5 },
      extend('backward', 'word'),
      { start: 0, end: 5 },
    ],
    [
      'a move collapses it',
      { anchor: 0, focus: 4 },
      { kind: 'move', direction: 'forward', granularity: 'character' },
      { start: 5, end: 5 },
    ],
  ];
  it.each(cases)('%s', (_name, selection, command, expected) => {
    expect(
      selectionRange(applyCommand(text, selection, command, { limits, locale: 'fr' })),
    ).toEqual(expected);
  });
});
