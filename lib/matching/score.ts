// The claim-matching score (issue 16): how likely a candidate (an approved verdict of the team,
// or another fact-checker's ClaimReview) checks the same claim as the query sentence, from what
// PostgreSQL measures of the wording — pg_trgm's trigram similarity and the full-text rank, both
// in [0, 1] — and what claimFeatures() extracts from both texts. Pure, documented in the README:
//
//   wording  = 0.65 × trigram + 0.35 × rank
//   score    = wording + 0.15 (same figures) + 0.10 (same years) + 0.10 × entity overlap
//              − 0.20 (one is negated, the other not), clamped to [0, 1]
//   a match  = score ≥ MATCH_THRESHOLD, unless the figures or the years conflict: « 5 millions »
//              against « 3 millions », "in 2019" against "in 2021" is a different claim, never a
//              match whatever the wording. One claim's figures (or years) being a part of the
//              other's is no conflict: a sentence may carry more numbers than the claim.
import type { ClaimFeatures } from './features';

export const MATCH_THRESHOLD = 0.45;

export const MATCH_REASONS = [
  'close_wording',
  'same_figures',
  'same_years',
  'same_entities',
  'negation_differs',
  'different_figures',
  'different_years',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface MatchSignals {
  /** pg_trgm `similarity()` of the two texts, 0..1. */
  trigram: number;
  /** `ts_rank_cd(…, 32)` of the candidate for the query, 0..1. */
  rank: number;
}

export interface MatchScore {
  score: number;
  match: boolean;
  reasons: MatchReason[];
}

/** Both sides hold a value the other lacks: the claims disagree on it. */
function conflict(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const setA = new Set(a);
  const setB = new Set(b);
  return a.some((value) => !setB.has(value)) && b.some((value) => !setA.has(value));
}

function shared(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && a.some((value) => b.includes(value));
}

function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const union = new Set([...a, ...b]);
  return a.filter((value) => b.includes(value)).length / union.size;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function scoreMatch(
  query: ClaimFeatures,
  candidate: ClaimFeatures,
  signals: MatchSignals,
): MatchScore {
  const reasons: MatchReason[] = [];
  const trigram = clamp(signals.trigram);
  let score = 0.65 * trigram + 0.35 * clamp(signals.rank);
  if (trigram >= 0.5) reasons.push('close_wording');
  const figuresConflict = conflict(query.figures, candidate.figures);
  const yearsConflict = conflict(query.years, candidate.years);
  if (figuresConflict) reasons.push('different_figures');
  else if (shared(query.figures, candidate.figures)) {
    score += 0.15;
    reasons.push('same_figures');
  }
  if (yearsConflict) reasons.push('different_years');
  else if (shared(query.years, candidate.years)) {
    score += 0.1;
    reasons.push('same_years');
  }
  const entities = overlap(query.entities, candidate.entities);
  score += 0.1 * entities;
  if (entities >= 0.5) reasons.push('same_entities');
  if (query.negated !== candidate.negated) {
    score -= 0.2;
    reasons.push('negation_differs');
  }
  const rounded = Math.round(clamp(score) * 1000) / 1000;
  return {
    score: rounded,
    match: rounded >= MATCH_THRESHOLD && !figuresConflict && !yearsConflict,
    reasons,
  };
}
