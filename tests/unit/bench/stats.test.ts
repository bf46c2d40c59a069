import { describe, expect, it } from 'vitest';
import { median, percentile, round, summarize } from '@/scripts/bench/stats';

describe('median', () => {
  it('takes the middle sample of an odd set, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle samples of an even set', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is the sample itself for one sample', () => {
    expect(median([7])).toBe(7);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const oneToHundredOne = Array.from({ length: 101 }, (_, i) => i);

  it('returns the extremes at 0 and 100', () => {
    expect(percentile([9, 2, 5], 0)).toBe(2);
    expect(percentile([9, 2, 5], 100)).toBe(9);
  });

  it('hits exact ranks when they exist', () => {
    expect(percentile(oneToHundredOne, 99)).toBe(99);
    expect(percentile(oneToHundredOne, 90)).toBe(90);
  });

  it('interpolates linearly between closest ranks', () => {
    // rank = 0.99 × 3 = 2.97 → 30 + 0.97 × (40 − 30)
    expect(percentile([10, 20, 30, 40], 99)).toBeCloseTo(39.7, 10);
    expect(percentile([1, 2], 50)).toBe(1.5);
  });

  it('refuses empty sets, non-finite samples and out-of-range percentiles', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
    expect(() => percentile([1, 2], -1)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, extremes, mean and percentiles', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      min: 1,
      mean: 2.5,
      median: 2.5,
      p90: 3.7,
      p99: expect.closeTo(3.97, 10) as number,
      max: 4,
    });
  });
});

describe('round', () => {
  it('keeps more digits for small values', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(123.456)).toBe(123.5);
    expect(round(12345.6)).toBe(12346);
  });
});
