// Which rating each verdict counts with in the agreement figures: as submitted, before the
// sentence's first settlement (lib/agreement/submitted-ratings.ts).
import { describe, expect, it } from 'vitest';
import {
  submittedRating,
  submittedRatings,
  type SubmittedVerdict,
} from '@/lib/agreement/submitted-ratings';

const verdict = (
  status: SubmittedVerdict['status'],
  rating: string,
  submissions: [string, number][] = [],
): SubmittedVerdict => ({
  status,
  rating,
  submissions: submissions.map(([r, seq]) => ({ rating: r, seq })),
});

describe('submittedRating', () => {
  it.each<[string, SubmittedVerdict, number | null, string | null]>([
    ['a draft never submitted counts nothing', verdict('draft', 'true'), null, null],
    [
      'a submitted verdict, never settled',
      verdict('submitted', 'true', [['true', 5]]),
      null,
      'true',
    ],
    [
      'the last of several submissions, never settled',
      verdict('submitted', 'false', [
        ['true', 5],
        ['false', 9],
      ]),
      null,
      'false',
    ],
    [
      'sent back by the settlement: its submitted rating',
      verdict('rejected', 'false', [['false', 5]]),
      12,
      'false',
    ],
    [
      'withdrawn to a draft by the settlement: still its submitted rating',
      verdict('draft', 'false', [['false', 5]]),
      12,
      'false',
    ],
    [
      'reworked to the outcome after the settlement, as a draft',
      verdict('draft', 'true', [['false', 5]]),
      12,
      'false',
    ],
    [
      'reworked and submitted again after the settlement: the rating submitted before it',
      verdict('submitted', 'true', [
        ['true', 20],
        ['false', 5],
      ]),
      12,
      'false',
    ],
    [
      'the last submission before the settlement, not the first',
      verdict('approved', 'misleading', [
        ['true', 3],
        ['misleading', 7],
        ['false', 15],
      ]),
      12,
      'misleading',
    ],
    [
      'first submitted after the settlement: its last submission',
      verdict('submitted', 'true', [
        ['false', 14],
        ['true', 18],
      ]),
      12,
      'true',
    ],
    [
      'no recorded submission (rows written outside the app): the rating now, if not a draft',
      verdict('approved', 'mostly_true'),
      12,
      'mostly_true',
    ],
    ['no recorded submission and a draft: nothing', verdict('draft', 'true'), 12, null],
  ])('%s', (_name, input, settledSeq, expected) => {
    expect(submittedRating(input, settledSeq)).toBe(expected);
  });
});

describe('submittedRatings', () => {
  it('lists one rating per verdict that counts, in order', () => {
    expect(
      submittedRatings(
        [
          verdict('approved', 'true', [['true', 2]]),
          verdict('draft', 'true'),
          verdict('draft', 'true', [['false', 3]]),
        ],
        10,
      ),
    ).toEqual(['true', 'false']);
  });
});
