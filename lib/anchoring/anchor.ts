/**
 * Re-attaching stored selectors to the current article text.
 *
 * Owns the anchoring strategy, modelled on the Hypothesis client: try the
 * cheap, exact position first, then fall back to searching for the quote and
 * using its context to pick the right occurrence. When every step fails the
 * caller marks the highlight as orphaned. Steps are plain functions listed in
 * `ANCHOR_STEPS`, so a later fuzzy-matching step is one more entry.
 */
import type { Anchor, Selector, TextPositionSelector, TextQuoteSelector } from './types';

export interface SelectorsByType {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/**
 * Pick out the selectors `anchor` understands. If a type appears several times
 * the first one wins, so the result never depends on anything but input order.
 */
export function selectorsOf(selectors: readonly Selector[]): SelectorsByType {
  const found: SelectorsByType = {};
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') found.quote ??= selector;
    else if (selector.type === 'TextPositionSelector') found.position ??= selector;
  }
  return found;
}

/** One anchoring strategy: returns an anchor, or `null` to let the next step try. */
export type AnchorStep = (selectors: SelectorsByType, text: string) => Anchor | null;

function isValidRange(text: string, start: number, end: number): boolean {
  // Stored selectors come from JSON, so guard against fractional or NaN offsets too.
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < end &&
    end <= text.length
  );
}

/**
 * Step 1: trust the stored offsets if they still point at the quoted text.
 * Without a quote there is nothing to verify against, so any in-bounds,
 * non-empty range is accepted.
 */
export function anchorByPosition(
  { quote, position }: SelectorsByType,
  text: string,
): Anchor | null {
  if (!position || !isValidRange(text, position.start, position.end)) return null;
  if (quote && text.slice(position.start, position.end) !== quote.exact) return null;
  return { start: position.start, end: position.end, method: 'position' };
}

/** Length of the longest common suffix of `a` and `b`. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n += 1;
  return n;
}

/** Length of the longest common prefix of `a` and `b`. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n += 1;
  return n;
}

/**
 * Step 2: look for every occurrence of the quote and keep the one whose
 * surroundings best match the stored context.
 *
 * Score = characters of `prefix` matching right before the occurrence (read
 * backwards) + characters of `suffix` matching right after it (read forwards),
 * so an edit far from the passage costs nothing and one next to it costs only
 * what it touched. Ties go to the occurrence closest to the stored position
 * (edits usually shift text a little), then to the earliest one, which makes
 * the choice fully deterministic.
 */
export function anchorByQuote({ quote, position }: SelectorsByType, text: string): Anchor | null {
  if (!quote || quote.exact.length === 0) return null;
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const hint = position && Number.isFinite(position.start) ? position.start : null;

  let best: { start: number; score: number; distance: number } | null = null;
  // Advance by one code unit (not by exact.length) so overlapping occurrences
  // such as "aa" in "aaa" are all candidates.
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const end = i + exact.length;
    const score =
      commonSuffixLength(prefix, text.slice(Math.max(0, i - prefix.length), i)) +
      commonPrefixLength(suffix, text.slice(end, end + suffix.length));
    const distance = hint === null ? 0 : Math.abs(i - hint);
    // Strict comparisons keep the earliest occurrence on a full tie.
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: i, score, distance };
    }
  }
  return best && { start: best.start, end: best.start + exact.length, method: 'quote' };
}

/** Anchoring steps, tried in order; the first non-null result wins. */
export const ANCHOR_STEPS: readonly { name: string; run: AnchorStep }[] = [
  { name: 'position', run: anchorByPosition },
  { name: 'quote', run: anchorByQuote },
];

/**
 * Locate the passage described by `selectors` in `text`, or `null` when it
 * cannot be found (the highlight is then shown as orphaned).
 */
export function anchor(selectors: readonly Selector[], text: string): Anchor | null {
  const byType = selectorsOf(selectors);
  for (const step of ANCHOR_STEPS) {
    const found = step.run(byType, text);
    if (found) return found;
  }
  return null;
}
