/**
 * Re-attaching stored selectors to the current article text.
 *
 * Owns the anchoring strategy, modelled on the Hypothesis client: try the
 * cheap, exact position first, then fall back to searching for the quote and
 * using its context to pick the right occurrence. When every step fails the
 * caller marks the highlight as orphaned. Steps are plain functions listed in
 * `ANCHOR_STEPS`; the last one tolerates edits inside the quote (fuzzy match).
 */
import search from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
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

/**
 * Lowest similarity accepted by the fuzzy step between the stored quote and
 * the text it lands on (1 − edit distance / length of the longer of the two);
 * the search itself allows `floor(quote length × (1 − threshold))` edits.
 * 0.75 lets a quote lose a quarter of its characters — a changed word or two
 * in a typical 30–80 character highlight — while a short quote stays strict
 * (a 6-letter word tolerates one typo, 3 letters none). It is stricter than
 * Hypothesis (which searches with up to length / 2 errors) because we do not
 * also require the context to agree.
 */
export const FUZZY_QUOTE_THRESHOLD = 0.75;

/**
 * Longer quotes skip the fuzzy step (they stay orphaned when the exact steps
 * fail). Search cost grows with the number of errors allowed, i.e. with the
 * quote length, so this bounds one search to roughly text length × 16 words
 * of bit-parallel work.
 */
export const FUZZY_MAX_QUOTE_LENGTH = 2000;

/**
 * At most about this many equally good matches are ranked (the ones closest
 * to the stored position); only very repetitive text produces more.
 */
export const FUZZY_MAX_CANDIDATES = 100;

/** The text is searched in windows of this many characters (see `approximateMatches`). */
const FUZZY_WINDOW = 1024;

/** Ranking weights, as in the Hypothesis client: the quote matters most, position only breaks ties. */
const FUZZY_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** A fuzzy match edge may be moved this far to reach a word edge (see `snapToWords`). */
const WORD_SNAP_LIMIT = 24;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** 1 − edit distance / longer length; 1 for two empty strings. */
function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * How well `context` appears in `window` (0..1), as Hypothesis scores prefix
 * and suffix: best approximate occurrence, 1 − errors / context length.
 */
function contextScore(window: string, context: string): number {
  if (context.length === 0 || window.length === 0) return 0;
  const [match] = search(window, context, context.length);
  return match ? 1 - match.errors / context.length : 0;
}

/**
 * Approximate matches report the cheapest range, which may stop inside a word
 * ("cinq" edited to "quatre" matches as "atre"). When the stored quote began
 * (ended) at a word edge, move the start back (the end forward) to the edge of
 * the word it now cuts, so the highlight covers whole words again.
 */
function snapToWords(
  text: string,
  start: number,
  end: number,
  quote: TextQuoteSelector,
): { start: number; end: number } {
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let snappedStart = start;
  if (isWordChar(exact[0]) && !isWordChar(prefix[prefix.length - 1])) {
    let i = start;
    while (i > 0 && start - i < WORD_SNAP_LIMIT && isWordChar(text[i - 1])) i -= 1;
    if (!isWordChar(text[i - 1])) snappedStart = i;
  }
  let snappedEnd = end;
  if (isWordChar(exact[exact.length - 1]) && !isWordChar(suffix[0])) {
    let i = end;
    while (i < text.length && i - end < WORD_SNAP_LIMIT && isWordChar(text[i])) i += 1;
    if (!isWordChar(text[i])) snappedEnd = i;
  }
  return { start: snappedStart, end: snappedEnd };
}

/** True when index `i` sits between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The occurrences of `pattern` in `text` with the fewest errors (at most
 * `maxErrors`), like approx-string-match's `search`, in text order — but with
 * bounded work when there are very many of them.
 *
 * `search` spends time on every match it reports, so text such as a long run of
 * "ababab…" makes one call slow. The text is therefore searched window by
 * window (overlapping by the longest possible match, so nothing is missed),
 * starting with the window holding `hint` and moving outwards. Each window only
 * looks for matches as good as the best so far, and once
 * `FUZZY_MAX_CANDIDATES` equally good ones are known, only for strictly better
 * ones: the extra candidates, the farthest from the hint, are never reported.
 */
function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  hint: number | null,
): ApproximateMatch[] {
  const longest = pattern.length + maxErrors;
  const size = Math.max(FUZZY_WINDOW, 2 * longest);
  const count = Math.ceil(text.length / size);
  const first = hint === null ? 0 : Math.min(count - 1, Math.max(0, Math.floor(hint / size)));
  // Windows by distance from the first one, the earlier first on a tie.
  const order = Array.from({ length: count }, (_, w) => w).sort(
    (a, b) => Math.abs(a - first) - Math.abs(b - first) || a - b,
  );

  const byEnd = new Map<number, ApproximateMatch>();
  let limit = maxErrors;
  let lowest = Infinity;
  for (const w of order) {
    const from = w * size;
    for (const m of search(text.slice(from, from + size + longest), pattern, limit)) {
      if (m.errors < lowest) {
        lowest = m.errors;
        byEnd.clear();
      }
      const end = m.end + from;
      const start = m.start + from;
      // Overlapping windows may report one match twice: keep its earliest start.
      const known = byEnd.get(end);
      if (!known || start < known.start) byEnd.set(end, { start, end, errors: m.errors });
    }
    limit = byEnd.size >= FUZZY_MAX_CANDIDATES ? lowest - 1 : Math.min(limit, lowest);
    if (limit < 0) break;
  }
  let matches = [...byEnd.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  if (matches.length > FUZZY_MAX_CANDIDATES) {
    // One window can overshoot the cap: keep the closest to the hint (the earliest without one).
    const away = (m: ApproximateMatch) => (hint === null ? 0 : Math.abs(m.start - hint));
    matches = [...matches]
      .sort((a, b) => away(a) - away(b) || a.start - b.start)
      .slice(0, FUZZY_MAX_CANDIDATES)
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return matches;
}

/**
 * Step 3: find the quote allowing edits inside it, for passages that were
 * corrected after being highlighted. Like the Hypothesis client:
 *
 * 1. search approximate occurrences with at most
 *    `floor(length × (1 − FUZZY_QUOTE_THRESHOLD))` errors (approx-string-match
 *    returns only the occurrences with the fewest errors; see
 *    `approximateMatches` for how the work stays bounded);
 * 2. rank them by quote similarity (weight 50), prefix and suffix similarity
 *    (20 each) and closeness to the stored position (2); ties go to the
 *    earliest occurrence;
 * 3. widen the winner to whole words (`snapToWords`) unless that drops the
 *    similarity below the threshold, and never split a surrogate pair.
 *
 * `score` is the similarity of the final range to the quote (≥ threshold).
 */
export function anchorByFuzzyQuote(
  { quote, position }: SelectorsByType,
  text: string,
): Anchor | null {
  if (!quote || quote.exact.length === 0 || quote.exact.length > FUZZY_MAX_QUOTE_LENGTH) {
    return null;
  }
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const hint = position && Number.isFinite(position.start) ? position.start : null;

  const maxErrors = Math.floor(exact.length * (1 - FUZZY_QUOTE_THRESHOLD));
  const matches = approximateMatches(text, exact, maxErrors, hint);

  let best: { start: number; end: number; rank: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix
      ? contextScore(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1;
    const suffixScore = suffix
      ? contextScore(text.slice(match.end, match.end + suffix.length), suffix)
      : 1;
    const positionScore = hint === null ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    const rank =
      FUZZY_WEIGHTS.quote * quoteScore +
      FUZZY_WEIGHTS.prefix * prefixScore +
      FUZZY_WEIGHTS.suffix * suffixScore +
      FUZZY_WEIGHTS.position * positionScore;
    if (!best || rank > best.rank) best = { start: match.start, end: match.end, rank };
  }
  if (!best || best.start >= best.end) return null;

  if (editSimilarity(exact, text.slice(best.start, best.end)) < FUZZY_QUOTE_THRESHOLD) return null;
  let { start, end } = snapToWords(text, best.start, best.end, quote);
  if (editSimilarity(exact, text.slice(start, end)) < FUZZY_QUOTE_THRESHOLD) {
    ({ start, end } = best); // widening cost too much: keep the raw match
  }
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  const score = editSimilarity(exact, text.slice(start, end));
  return { start, end, method: 'fuzzy', score };
}

/** Anchoring steps, tried in order; the first non-null result wins. */
export const ANCHOR_STEPS: readonly { name: string; run: AnchorStep }[] = [
  { name: 'position', run: anchorByPosition },
  { name: 'quote', run: anchorByQuote },
  { name: 'fuzzy', run: anchorByFuzzyQuote },
];

/**
 * The exact steps only (position checked against the quote, then the quote with its context):
 * a NEW highlight anchors exactly or is refused, so it never pays for a fuzzy search whose
 * result would be discarded. The fuzzy step is for re-anchoring after a revision (a job).
 */
export function anchorExactly(selectors: readonly Selector[], text: string): Anchor | null {
  const byType = selectorsOf(selectors);
  return anchorByPosition(byType, text) ?? anchorByQuote(byType, text);
}

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
