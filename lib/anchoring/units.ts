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

/**
 * The same as `unitsTouched` for units in text order that do not overlap (an article's units):
 * a binary search for the first unit ending after `range.start`, then the units up to
 * `range.end`. O(log n + k) instead of O(n): re-anchoring 22,500 highlights on 2,000 units
 * spent 13 s in the linear scan.
 */
export function unitsTouchedInOrder<U extends { start: number; end: number }>(
  units: readonly U[],
  range: TextRange,
): U[] {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (units[mid]!.end <= range.start) low = mid + 1;
    else high = mid;
  }
  const touched: U[] = [];
  for (let i = low; i < units.length && units[i]!.start < range.end; i++) {
    if (rangesOverlap(units[i]!, range)) touched.push(units[i]!);
  }
  return touched;
}
