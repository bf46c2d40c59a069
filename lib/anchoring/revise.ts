/**
 * Carrying annotations over to a new revision of an article's text.
 *
 * Owns two pure steps run when an editor corrects the text:
 * - `reanchorHighlight`: places a highlight's stored selectors on the new text
 *   (position → quote → fuzzy, see `anchor`) and reports whether it is still
 *   exactly there, was found approximately, or is orphaned (kept, never dropped);
 * - `mapSentences`: matches old sentences (with their ids, hence verdicts and
 *   comments) to the new units, one-to-one and in order as far as possible.
 */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import type { AnchorStatus } from '@/generated/prisma/enums';
import { alternation, quantityWords, wholeWords } from '@/lib/text/lexicon';
import { anchor } from './anchor';
import { describeRange } from './describe';
import type { Selector, TextRange } from './types';

/** Where a highlight stands: the schema's enum (prisma/schema.prisma), the one declaration. */
export type { AnchorStatus };

export interface ReanchorResult {
  status: AnchorStatus;
  /** Where the highlight now sits in the new text; `null` when orphaned. */
  range: TextRange | null;
  /** Similarity of the quote to the new passage (1 when found exactly); `null` when orphaned. */
  score: number | null;
  /**
   * Selectors re-described on the new text when placed; `null` when orphaned,
   * in which case the caller keeps the old selectors.
   */
  selectors: Selector[] | null;
}

/**
 * Re-anchor one highlight on the revised text. 'anchored' means the position
 * or the exact quote was found (the passage is unchanged, maybe moved);
 * 'fuzzy' means the quote itself was edited, so the annotation may deserve a
 * second look; 'orphaned' means nothing close enough remains.
 */
export function reanchorHighlight(selectors: readonly Selector[], newText: string): ReanchorResult {
  const placed = anchor(selectors, newText);
  if (!placed) return { status: 'orphaned', range: null, score: null, selectors: null };
  const range = { start: placed.start, end: placed.end };
  const isFuzzy = placed.method === 'fuzzy';
  return {
    status: isFuzzy ? 'fuzzy' : 'anchored',
    range,
    score: isFuzzy ? (placed.score ?? 0) : 1,
    selectors: describeRange(newText, range),
  };
}

export interface OldSentence {
  id: string;
  index: number;
  text: string;
}

export interface NewUnitLike {
  index: number;
  text: string;
  kind: string;
}

export interface SentenceMatch {
  oldId: string;
  newIndex: number;
  /** 0..1, see `similarity`. */
  similarity: number;
  outcome: 'same' | 'nearly' | 'changed';
}

export interface SentenceMapping {
  /** In the order of the old sentences. */
  matches: SentenceMatch[];
  /** Ids of old sentences without a counterpart, in old order. */
  removed: string[];
  /** Indexes of new units without a counterpart, ascending. */
  added: number[];
}

/**
 * At or above this similarity a sentence counts as the same one, lightly
 * edited ('nearly'): its verdict follows as is. 0.9 allows about one changed
 * word per 60–100 characters (typo fixes, a reworded connective) in a typical
 * 100–250 character news sentence. Note that a changed number ("cinq" →
 * "quatre") usually stays above it.
 */
export const SENTENCE_NEARLY_THRESHOLD = 0.9;

/**
 * Below this similarity two sentences are not considered the same one.
 * Unrelated French sentences of similar length score about 0.2–0.4 (shared
 * letters and spaces), so 0.5 requires that at least half the sentence
 * survives: the longer half of a split, or the longer part of a merge.
 */
export const SENTENCE_MATCH_THRESHOLD = 0.5;

/**
 * Similarity is only computed within the stretches between identical
 * sentences, and there each old sentence is compared with at most
 * `2 × SIMILARITY_BAND + 1` new ones around its proportional position in the
 * stretch. This caps the Levenshtein work at 25 comparisons per old sentence
 * (50,000 for a 2,000-sentence article rewritten throughout, a few hundred for
 * a typical correction) instead of n × m; pairs whose lengths alone rule out
 * `SENTENCE_MATCH_THRESHOLD` are skipped without computing a distance. The
 * price: in a long, entirely rewritten stretch, a sentence displaced by more
 * than 12 positions relative to the others is not recognised.
 */
const SIMILARITY_BAND = 12;

/**
 * Most insertions plus deletions of identical texts `alignStretch` looks for in one stretch
 * between unique anchors. Myers' algorithm costs O((n + m) · D): 2,000 bounds a hopeless stretch
 * (30,000 sentences, none in common) at about 0.3 s, while a correction, even a heavy one, needs
 * far fewer (every unique unchanged sentence already splits the text into small stretches).
 */
const MAX_EDIT_LENGTH = 2000;

function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * 1 − Levenshtein distance / length of the longer text, after collapsing runs
 * of whitespace and trimming; 1 for two blank texts.
 */
export function similarity(a: string, b: string): number {
  return normalizedSimilarity(normalizeWhitespace(a), normalizeWhitespace(b));
}

function normalizedSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

// Number words of French and English (the one lexicon, shared with triage) whose change makes a
// sentence a different claim: cardinals, approximate quantities and fractions.
const NUMBER_WORDS = wholeWords(
  alternation([...new Set([...quantityWords('fr'), ...quantityWords('en')])]),
  'giu',
);

/** The figures of a sentence (digits and number words), as a comparable key. */
export function figuresOf(text: string): string {
  const digits = text.match(/\d+(?:[.,]\d+)*/gu) ?? [];
  const words = (text.match(NUMBER_WORDS) ?? []).map((w) => w.toLowerCase());
  return [...digits, ...words].join(' ');
}

function outcomeOf(score: number): SentenceMatch['outcome'] {
  if (score >= 1) return 'same';
  return score >= SENTENCE_NEARLY_THRESHOLD ? 'nearly' : 'changed';
}

/**
 * Monotone alignment of identical texts (`a`, `b` are interned text ids):
 * returns, for each position of `a`, its partner in `b` or -1.
 *
 * As in patience diff, texts occurring exactly once on each side are matched
 * first, keeping the longest in-order chain of them; this is O(n log n) and,
 * in an article where most sentences are unique, leaves only small stretches.
 * Each stretch between two such anchors is then aligned by `alignStretch`,
 * which copes with repeated sentences, insertions and deletions.
 */
function alignIdentical(a: readonly number[], b: readonly number[]): Int32Array {
  const partner = new Int32Array(a.length).fill(-1);
  let fromA = 0;
  let fromB = 0;
  for (const [i, j] of [...uniqueAnchors(a, b), [a.length, b.length]]) {
    alignStretch(a, fromA, i, b, fromB, j, partner);
    if (i < a.length) partner[i] = j;
    fromA = i + 1;
    fromB = j + 1;
  }
  return partner;
}

/** Pairs `[i, j]` of texts occurring once in `a` and once in `b`, longest chain increasing in both. */
function uniqueAnchors(a: readonly number[], b: readonly number[]): [number, number][] {
  const seen = new Map<number, { inA: number; inB: number; i: number; j: number }>();
  a.forEach((key, i) => {
    const entry = seen.get(key);
    if (entry) entry.inA += 1;
    else seen.set(key, { inA: 1, inB: 0, i, j: -1 });
  });
  b.forEach((key, j) => {
    const entry = seen.get(key);
    if (!entry) return;
    entry.inB += 1;
    entry.j = j;
  });
  const pairs: [number, number][] = [];
  for (const { inA, inB, i, j } of seen.values()) if (inA === 1 && inB === 1) pairs.push([i, j]);
  pairs.sort((x, y) => x[0] - y[0]);

  // Longest increasing subsequence of the j's (patience sorting with back links).
  const tails: number[] = []; // tails[k]: index in `pairs` ending the best chain of length k + 1
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1];
    tails[lo] = p;
  });
  const chain: [number, number][] = [];
  for (let p = tails.length ? tails[tails.length - 1] : -1; p !== -1; p = previous[p]) {
    chain.push(pairs[p]);
  }
  return chain.reverse();
}

/**
 * Align identical texts of `a[fromA, toA)` with `b[fromB, toB)` into `partner`: a shortest edit
 * script (jsdiff's `diffArrays`, Myers' O(ND) algorithm), whose kept runs are the pairs. A
 * stretch needing more than `MAX_EDIT_LENGTH` insertions and deletions (long, rewritten
 * throughout) is left unaligned: step 2 of `mapSentences` still pairs its identical texts in
 * order, and step 3 its similar ones.
 */
function alignStretch(
  a: readonly number[],
  fromA: number,
  toA: number,
  b: readonly number[],
  fromB: number,
  toB: number,
  partner: Int32Array,
): void {
  if (fromA === toA || fromB === toB) return;
  const changes = diffArrays(a.slice(fromA, toA), b.slice(fromB, toB), {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!changes) return;
  let i = fromA;
  let j = fromB;
  for (const change of changes) {
    if (change.added) {
      j += change.count;
    } else if (change.removed) {
      i += change.count;
    } else {
      for (let k = 0; k < change.count; k += 1) partner[i++] = j++;
    }
  }
}

/**
 * Match old sentences to new units.
 *
 * 1. Identical texts (whitespace-normalised), aligned in order by
 *    `alignIdentical` (unique sentences first, then jsdiff between them):
 *    outcome 'same'.
 * 2. Identical texts left over on both sides (a sentence moved past others)
 *    are paired in order: also 'same', even though the pair crosses others.
 * 3. In each stretch between two matched pairs, the remaining sentences are
 *    compared (within `SIMILARITY_BAND`) and the most similar pairs at or above
 *    `SENTENCE_MATCH_THRESHOLD` are taken first, skipping any pair that would
 *    cross one already taken: 'nearly' at or above `SENTENCE_NEARLY_THRESHOLD`,
 *    'changed' below.
 *
 * Unit kinds are ignored (a sentence turned into a heading still matches by
 * its text). Inputs may come in any order; they are sorted by `index`.
 */
export function mapSentences(
  oldSentences: readonly OldSentence[],
  newUnits: readonly NewUnitLike[],
): SentenceMapping {
  const olds = [...oldSentences].sort((x, y) => x.index - y.index);
  const news = [...newUnits].sort((x, y) => x.index - y.index);
  const oldTexts = olds.map((s) => normalizeWhitespace(s.text));
  const newTexts = news.map((u) => normalizeWhitespace(u.text));

  const ids = new Map<string, number>();
  const intern = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  };
  const oldKeys = oldTexts.map(intern);
  const newKeys = newTexts.map(intern);

  // Step 1: in-order identical texts.
  const oldPartner = alignIdentical(oldKeys, newKeys);
  const newPartner = new Int32Array(news.length).fill(-1);
  const score = new Float64Array(olds.length);
  oldPartner.forEach((j, i) => {
    if (j !== -1) {
      newPartner[j] = i;
      score[i] = 1;
    }
  });
  // The stretches of step 3 are delimited by these order-preserving pairs only.
  const orderedPairs: [number, number][] = [];
  oldPartner.forEach((j, i) => {
    if (j !== -1) orderedPairs.push([i, j]);
  });

  // Step 2: moved identical sentences.
  const leftovers = new Map<number, number[]>();
  newKeys.forEach((key, j) => {
    if (newPartner[j] !== -1) return;
    const list = leftovers.get(key);
    if (list) list.push(j);
    else leftovers.set(key, [j]);
  });
  oldKeys.forEach((key, i) => {
    if (oldPartner[i] !== -1) return;
    const j = leftovers.get(key)?.shift();
    if (j === undefined) return;
    oldPartner[i] = j;
    newPartner[j] = i;
    score[i] = 1;
  });

  // Step 3: similar sentences within each stretch between ordered pairs.
  const bounds: [number, number][] = [[-1, -1], ...orderedPairs, [olds.length, news.length]];
  for (let k = 0; k + 1 < bounds.length; k += 1) {
    const gapOld: number[] = [];
    const gapNew: number[] = [];
    for (let i = bounds[k][0] + 1; i < bounds[k + 1][0]; i += 1) {
      if (oldPartner[i] === -1) gapOld.push(i);
    }
    for (let j = bounds[k][1] + 1; j < bounds[k + 1][1]; j += 1) {
      if (newPartner[j] === -1) gapNew.push(j);
    }
    for (const [i, j, s] of matchSimilar(gapOld, gapNew, oldTexts, newTexts)) {
      oldPartner[i] = j;
      newPartner[j] = i;
      score[i] = s;
    }
  }

  const matches: SentenceMatch[] = [];
  const removed: string[] = [];
  olds.forEach((sentence, i) => {
    const j = oldPartner[i];
    if (j === -1) {
      removed.push(sentence.id);
      return;
    }
    const outcome = outcomeOf(score[i]);
    matches.push({
      oldId: sentence.id,
      newIndex: news[j].index,
      similarity: score[i],
      // A changed figure changes the claim, however small the edit: « cinq » → « quatre ».
      outcome:
        outcome === 'nearly' && figuresOf(sentence.text) !== figuresOf(news[j].text)
          ? 'changed'
          : outcome,
    });
  });
  const added = news.filter((_, j) => newPartner[j] === -1).map((u) => u.index);
  return { matches, removed, added };
}

/**
 * Best non-crossing pairs between the unmatched old (`gapOld`) and new
 * (`gapNew`) positions of one stretch, as `[old, new, similarity]`.
 * Greedy by decreasing similarity (ties: closer relative positions, then
 * earlier sentences), which keeps the obvious pairs and stays linear-ish.
 */
function matchSimilar(
  gapOld: readonly number[],
  gapNew: readonly number[],
  oldTexts: readonly string[],
  newTexts: readonly string[],
): [number, number, number][] {
  if (gapOld.length === 0 || gapNew.length === 0) return [];
  const candidates: { o: number; n: number; score: number; skew: number }[] = [];
  gapOld.forEach((i, o) => {
    const center = Math.floor(((o + 0.5) * gapNew.length) / gapOld.length);
    const from = Math.max(0, center - SIMILARITY_BAND);
    const to = Math.min(gapNew.length - 1, center + SIMILARITY_BAND);
    for (let n = from; n <= to; n += 1) {
      const a = oldTexts[i];
      const b = newTexts[gapNew[n]];
      // The distance is at least the length difference: skip hopeless pairs cheaply.
      const longest = Math.max(a.length, b.length);
      if (longest > 0 && Math.min(a.length, b.length) / longest < SENTENCE_MATCH_THRESHOLD) {
        continue;
      }
      const score = normalizedSimilarity(a, b);
      if (score >= SENTENCE_MATCH_THRESHOLD) {
        const skew = Math.abs(o / gapOld.length - n / gapNew.length);
        candidates.push({ o, n, score, skew });
      }
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.skew - y.skew || x.o - y.o || x.n - y.n);

  // Taken pairs sorted by old position; being non-crossing, they are sorted by new position too.
  const taken: { o: number; n: number; score: number }[] = [];
  const oldUsed = new Set<number>();
  const newUsed = new Set<number>();
  for (const c of candidates) {
    if (oldUsed.has(c.o) || newUsed.has(c.n)) continue;
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].o < c.o) lo = mid + 1;
      else hi = mid;
    }
    const before = taken[lo - 1];
    const after = taken[lo];
    if ((before && before.n > c.n) || (after && after.n < c.n)) continue; // would cross
    taken.splice(lo, 0, c);
    oldUsed.add(c.o);
    newUsed.add(c.n);
  }
  return taken.map((t) => [gapOld[t.o], gapNew[t.n], t.score]);
}
