/**
 * Selecting article text from the keyboard alone (the reader's selection mode).
 *
 * Owns the pure part: which key does what (`selectionCommand`), where a caret lands when it
 * moves by a character, a word or to the sentence's edge (`moveOffset`), and how a selection
 * (an anchor that stays, a focus that moves) changes (`applyCommand`). Offsets are UTF-16
 * indices into the article text, like every TextRange. A character step never splits a
 * grapheme (an emoji, a letter with its combining accent); word steps follow Intl.Segmenter.
 * No DOM, no React: the reader turns the result into a DOM selection (lib/anchoring/dom.ts).
 */
import type { TextRange } from './types';

export type Direction = 'forward' | 'backward';
/** `sentence`: to the edge of the limits given (the reader passes the caret's sentence). */
export type Granularity = 'character' | 'word' | 'sentence';

/** A selection being made: `anchor` stays where selection mode started, `focus` moves. */
export interface KeyboardSelection {
  anchor: number;
  focus: number;
}

export interface SelectionCommand {
  /** `extend` moves the focus only; `move` moves the caret (the selection collapses). */
  kind: 'extend' | 'move';
  direction: Direction;
  granularity: Granularity;
}

/** The part of a keyboard event the mapping reads (a KeyboardEvent fits). */
export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * The selection command of a key press, or null when the key is not one. Shift extends,
 * without Shift the caret moves; Ctrl (Windows, Linux) or Alt (macOS) makes it a word step;
 * Home/End go to the sentence's edges. Cmd combinations are left to the browser.
 */
export function selectionCommand(event: KeyLike): SelectionCommand | null {
  if (event.metaKey) return null;
  const kind = event.shiftKey ? 'extend' : 'move';
  const word = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowRight':
      return { kind, direction: 'forward', granularity: word ? 'word' : 'character' };
    case 'ArrowLeft':
      return { kind, direction: 'backward', granularity: word ? 'word' : 'character' };
    case 'End':
      return word ? null : { kind, direction: 'forward', granularity: 'sentence' };
    case 'Home':
      return word ? null : { kind, direction: 'backward', granularity: 'sentence' };
    default:
      return null;
  }
}

export interface MoveOptions {
  direction: Direction;
  granularity: Granularity;
  /** The caret never leaves these (the article text, or the caret's sentence). */
  limits: TextRange;
  /** BCP 47 language of the text, for word boundaries (`fr`, `en`…). */
  locale?: string;
}

/**
 * Text handed to Intl.Segmenter at once: V8's segmenter costs time in proportion to the whole
 * string, and a step only needs the neighbourhood of the caret. A window that holds no word
 * (or whose first word may be cut by the window's edge) is doubled until the limits.
 */
const WINDOW = 256;
const GRAPHEME_WINDOW = 32;

/** Where the caret at `offset` lands after one step (it stays put at the limits). */
export function moveOffset(text: string, offset: number, options: MoveOptions): number {
  const { start, end } = clampLimits(text, options.limits);
  const from = Math.min(Math.max(offset, start), end);
  const forward = options.direction === 'forward';
  if (options.granularity === 'sentence') return forward ? end : start;
  if (forward ? from >= end : from <= start) return from;
  if (options.granularity === 'character') return graphemeStep(text, from, forward, start, end);
  return wordStep(text, from, forward, start, end, options.locale);
}

/** The selection after `command`, within `limits` (see MoveOptions). */
export function applyCommand(
  text: string,
  selection: KeyboardSelection,
  command: SelectionCommand,
  options: { limits: TextRange; locale?: string },
): KeyboardSelection {
  const focus = moveOffset(text, selection.focus, {
    direction: command.direction,
    granularity: command.granularity,
    limits: options.limits,
    locale: options.locale,
  });
  return command.kind === 'extend' ? { anchor: selection.anchor, focus } : { anchor: focus, focus };
}

/** The selection as a half-open range, in text order (the focus may be before the anchor). */
export function selectionRange(selection: KeyboardSelection): TextRange {
  return {
    start: Math.min(selection.anchor, selection.focus),
    end: Math.max(selection.anchor, selection.focus),
  };
}

function clampLimits(text: string, limits: TextRange): TextRange {
  const start = Math.max(0, Math.min(limits.start, text.length));
  return { start, end: Math.max(start, Math.min(limits.end, text.length)) };
}

const graphemeSegmenters = new Map<string, Intl.Segmenter>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(granularity: 'grapheme' | 'word', locale: string | undefined) {
  const cache = granularity === 'word' ? wordSegmenters : graphemeSegmenters;
  const key = locale ?? '';
  let segmenter = cache.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(safeLocale(locale), { granularity });
    cache.set(key, segmenter);
  }
  return segmenter;
}

/** A malformed language tag must not break the reader: fall back to the root locale. */
function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

function graphemeStep(
  text: string,
  from: number,
  forward: boolean,
  start: number,
  end: number,
): number {
  const segmenter = segmenterFor('grapheme', undefined);
  if (forward) {
    const slice = text.slice(from, Math.min(end, from + GRAPHEME_WINDOW));
    const first = segmenter.segment(slice)[Symbol.iterator]().next();
    return first.done ? end : from + first.value.segment.length;
  }
  const windowStart = Math.max(start, from - GRAPHEME_WINDOW);
  let last = windowStart;
  for (const piece of segmenter.segment(text.slice(windowStart, from))) {
    last = windowStart + piece.index;
  }
  return last;
}

/**
 * Forward: to the end of the word the caret is in, or of the next word (spaces and punctuation
 * are crossed). Backward: to the start of the word before the caret. No word left: the limit.
 */
function wordStep(
  text: string,
  from: number,
  forward: boolean,
  start: number,
  end: number,
  locale: string | undefined,
): number {
  const segmenter = segmenterFor('word', locale);
  for (let size = WINDOW; ; size *= 2) {
    if (forward) {
      const windowEnd = Math.min(end, from + size);
      for (const piece of segmenter.segment(text.slice(from, windowEnd))) {
        if (!piece.isWordLike) continue;
        const wordEnd = from + piece.index + piece.segment.length;
        // A word running into the window's edge may go on past it: look again, wider.
        if (wordEnd < windowEnd || windowEnd === end) return wordEnd;
        break;
      }
      if (windowEnd === end) return end;
    } else {
      const windowStart = Math.max(start, from - size);
      let wordStart: number | null = null;
      for (const piece of segmenter.segment(text.slice(windowStart, from))) {
        if (piece.isWordLike) wordStart = windowStart + piece.index;
      }
      // Found, and not cut by the window's edge (or the edge is the limit).
      if (wordStart !== null && (wordStart > windowStart || windowStart === start)) {
        return wordStart;
      }
      if (windowStart === start) return start;
    }
  }
}
