// How well claim matching does on a labelled set (tests/fixtures/claim-matching/eval-set.json):
// each pair is a query sentence and a candidate fact-check labelled "same claim" or not; all
// candidates are indexed together, so each query also meets every other pair's candidate as a
// distractor. Pure: the caller runs the matching (integration test, `npm run bench`) and hands
// over what each query returned, best first. Reported in the README:
//  - precision@1: of the queries that got a match, the share whose first one is labelled the
//    same claim;
//  - recall@5: of the pairs labelled the same claim, the share whose candidate is in the query's
//    five matches;
//  - changed-figure rate: of the pairs whose only difference is a figure or a year, the share
//    whose candidate was returned at all (target 0: a different figure is a different claim).
// Cross-language pairs are scored apart (the method's limit, README "Claim matching").

export const EVAL_KINDS = [
  'paraphrase',
  'reordered',
  'quote_vs_reported',
  'negation',
  'same_topic_different_claim',
  'changed_figure',
  'changed_year',
  'unrelated',
  'cross_language',
] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];

export interface EvalPair {
  id: string;
  lang: string;
  candidateLang?: string;
  kind: EvalKind;
  query: string;
  candidate: string;
  match: boolean;
}

export interface EvalMetrics {
  pairs: number;
  queriesWithAMatch: number;
  precisionAt1: number;
  recallAt5: number;
  changedFigurePairs: number;
  changedFigureRate: number;
  /** Pairs labelled different claims (other than changed figures) whose candidate was returned. */
  falseMatchRate: number;
  crossLanguageRecallAt5: number;
  /** Per kind: pairs, and how many had their candidate returned. */
  byKind: Record<string, { pairs: number; returned: number }>;
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;

/** `returned`: for each pair id, the candidates' texts its query got, best first. */
export function evaluateMatching(
  pairs: readonly EvalPair[],
  returned: ReadonlyMap<string, readonly string[]>,
): EvalMetrics {
  // The same query text may be labelled against several candidates.
  const sameClaim = new Map<string, Set<string>>();
  for (const pair of pairs) {
    if (!pair.match) continue;
    const set = sameClaim.get(pair.query) ?? new Set<string>();
    set.add(pair.candidate);
    sameClaim.set(pair.query, set);
  }
  const byKind: EvalMetrics['byKind'] = {};
  let withMatch = 0;
  let topRight = 0;
  let positives = 0;
  let found = 0;
  let changed = 0;
  let changedReturned = 0;
  let negatives = 0;
  let negativesReturned = 0;
  let cross = 0;
  let crossFound = 0;
  for (const pair of pairs) {
    const got = returned.get(pair.id) ?? [];
    const isReturned = got.slice(0, 5).includes(pair.candidate);
    const kind = (byKind[pair.kind] ??= { pairs: 0, returned: 0 });
    kind.pairs += 1;
    if (isReturned) kind.returned += 1;
    if (pair.kind === 'cross_language') {
      cross += 1;
      if (isReturned) crossFound += 1;
      continue;
    }
    if (got.length > 0) {
      withMatch += 1;
      if (sameClaim.get(pair.query)?.has(got[0]!)) topRight += 1;
    }
    if (pair.match) {
      positives += 1;
      if (isReturned) found += 1;
    } else if (pair.kind === 'changed_figure' || pair.kind === 'changed_year') {
      changed += 1;
      if (got.includes(pair.candidate)) changedReturned += 1;
    } else {
      negatives += 1;
      if (got.includes(pair.candidate)) negativesReturned += 1;
    }
  }
  return {
    pairs: pairs.length,
    queriesWithAMatch: withMatch,
    precisionAt1: ratio(topRight, withMatch),
    recallAt5: ratio(found, positives),
    changedFigurePairs: changed,
    changedFigureRate: ratio(changedReturned, changed),
    falseMatchRate: ratio(negativesReturned, negatives),
    crossLanguageRecallAt5: ratio(crossFound, cross),
    byKind,
  };
}
