// Article-level facts derived from segmented units: the default title and the "partial" flag.
// Pure: no React, Next or Prisma.
import type { TextUnit } from './segment';

const ELLIPSIS = '…';

/** Characters that must not dangle before the ellipsis ("Le pacte, …" → "Le pacte…"). */
const TRAILING_JUNK = /[\s.,;:!?…\-–—‐/\\«“‘"'(\[{·•*]+$/u;

/**
 * The title an article gets when none is given: a heading at the very top is the headline and
 * is used whole; otherwise the first sentence. Shortened on a word boundary to at most
 * `maxLength` characters (UTF-16 code units, the ellipsis included) with a trailing "…".
 */
export function defaultTitle(units: TextUnit[], maxLength = 90): string {
  const source = titleSource(units);
  if (!source) return '';
  const text = source.text.replace(/[^\S\u00A0\u202F]+/gu, ' ');
  return shorten(text, maxLength);
}

/** True when the text is cut short by a subscription notice. */
export function isPartial(units: TextUnit[]): boolean {
  return units.some((unit) => unit.kind === 'paywall');
}

function titleSource(units: TextUnit[]): TextUnit | undefined {
  if (units[0]?.kind === 'heading') return units[0];
  return (
    units.find((unit) => unit.kind === 'sentence') ??
    units.find((unit) => unit.kind === 'heading') ??
    units[0]
  );
}

function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const budget = Math.max(0, maxLength - ELLIPSIS.length);
  const kept = cutOnWordBoundary(text, budget).replace(TRAILING_JUNK, '');
  // A single word longer than the budget: cut it rather than return nothing.
  const head = kept || cutOnGraphemeBoundary(text, budget).replace(TRAILING_JUNK, '');
  return head + ELLIPSIS;
}

/** The longest prefix of at most `budget` code units that ends where a word ends. */
function cutOnWordBoundary(text: string, budget: number): string {
  const prefix = text.slice(0, budget);
  if (/\s/u.test(text[budget] ?? '')) return prefix;
  const lastSpace = prefix.search(/\s\S*$/u);
  return lastSpace === -1 ? '' : prefix.slice(0, lastSpace);
}

/** Never split an emoji's surrogate pair or a letter from its combining accent. */
function cutOnGraphemeBoundary(text: string, budget: number): string {
  // Only the code point after the budget decides whether it is a boundary; a bounded slice
  // keeps Intl.Segmenter (whose cost grows with the string's length) cheap on huge units.
  const head = text.slice(0, budget + 2);
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(head);
  let end = 0;
  for (const { index, segment } of graphemes) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
