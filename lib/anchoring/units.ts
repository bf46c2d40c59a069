/**
 * Mapping anchored ranges onto the article's text units (sentences, headings…).
 *
 * Owns the overlap rule used to link a highlight to the units it covers, so
 * server-side linking and client-side painting agree on it.
 */
import type { TextRange } from './types';

/**
 * True when two half-open ranges share at least one character. Empty ranges
 * share nothing, and ranges that merely touch (`a.end === b.start`) do not overlap.
 */
export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

/**
 * Every unit sharing at least one character with `range`, in input order.
 *
 * Because the test is character overlap, a highlight that only covers the
 * whitespace between two sentences touches neither of them, and one that ends
 * exactly where the next sentence starts does not touch that sentence.
 * A linear scan: it makes no assumption about unit order and is called once per
 * highlight; use `groupByUnit` (paint.ts) for whole-article work.
 */
export function unitsTouched<U extends { start: number; end: number }>(
  units: readonly U[],
  range: TextRange,
): U[] {
  return units.filter((unit) => rangesOverlap(unit, range));
}
