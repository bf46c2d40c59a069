/**
 * Turning a user's selection into persistable selectors.
 *
 * Owns `describeRange` (range → quote + position selectors, the two halves of
 * what `anchor` later consumes) and `trimRange` (normalising a raw selection
 * before it is described).
 */
import type { TextPositionSelector, TextQuoteSelector, TextRange } from './types';

/** Default amount of context stored on each side; matches the Hypothesis client. */
export const DEFAULT_CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when index `i` sits between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, i: number): boolean {
  return (
    i > 0 &&
    i < text.length &&
    isHighSurrogate(text.charCodeAt(i - 1)) &&
    isLowSurrogate(text.charCodeAt(i))
  );
}

/**
 * Describe `range` of `text` with a TextQuoteSelector and a TextPositionSelector.
 *
 * `prefix`/`suffix` are always present (possibly `''` at the text edges) so that
 * stored rows and API payloads have one shape and the database default (`''`)
 * round-trips without a special case. A context edge that would cut an emoji
 * (or any astral character) in half is moved inwards by one code unit: a lone
 * surrogate is not valid Unicode, and some JSON/DB layers would mangle it.
 *
 * @throws RangeError when the range is empty, inverted, not integral or outside `text`.
 */
export function describeRange(
  text: string,
  range: TextRange,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): [TextQuoteSelector, TextPositionSelector] {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range bounds must be integers (got ${start}, ${end})`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid range [${start}, ${end}) for a text of length ${text.length}`);
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`contextLength must be a non-negative integer (got ${contextLength})`);
  }

  let prefixStart = Math.max(0, start - contextLength);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;

  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

// `\s` is Unicode-aware in JS: it covers the (narrow) no-break spaces French
// typography puts inside « » and before ; : ! ?, which a drag selection often grabs.
const WHITESPACE = /\s/;

/**
 * Shrink a raw selection so it neither starts nor ends with whitespace
 * (double-click and drag selections routinely include a trailing space).
 * The range is first clamped to the text. Returns `null` when nothing but
 * whitespace (or nothing at all) is selected.
 */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let start = Math.max(0, Math.min(text.length, Math.floor(range.start)));
  let end = Math.max(0, Math.min(text.length, Math.ceil(range.end)));
  while (start < end && WHITESPACE.test(text[start])) start += 1;
  while (end > start && WHITESPACE.test(text[end - 1])) end -= 1;
  return start < end ? { start, end } : null;
}
