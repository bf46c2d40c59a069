// Small, dependency-free statistics for the benchmark: median and percentiles (linear
// interpolation between closest ranks, the "type 7" estimator of R and NumPy's default) and a
// summary of a sample set. Pure: no I/O, so tests/unit/bench/stats.test.ts covers it.

export interface Summary {
  n: number;
  min: number;
  mean: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no samples');
  if (values.some((value) => !Number.isFinite(value))) {
    throw new RangeError('samples must be finite numbers');
  }
  return [...values].sort((a, b) => a - b);
}

function percentileOfSorted(ascending: readonly number[], p: number): number {
  const rank = (p / 100) * (ascending.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const weight = rank - lower;
  return ascending[lower] + (ascending[upper] - ascending[lower]) * weight;
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) of `values`, interpolated between the two closest ranks.
 * @throws RangeError on an empty sample set, a non-finite sample or p outside [0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100] (got ${p})`);
  return percentileOfSorted(sorted(values), p);
}

/** The median: the middle sample, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function summarize(values: readonly number[]): Summary {
  const ascending = sorted(values);
  const total = ascending.reduce((sum, value) => sum + value, 0);
  return {
    n: ascending.length,
    min: ascending[0],
    mean: total / ascending.length,
    median: percentileOfSorted(ascending, 50),
    p90: percentileOfSorted(ascending, 90),
    p99: percentileOfSorted(ascending, 99),
    max: ascending[ascending.length - 1],
  };
}

/** Rounds for display and JSON: 2 decimals under 10, 1 under 1000, integers above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 1000 ? 10 : 1;
  return Math.round(value * digits) / digits;
}
