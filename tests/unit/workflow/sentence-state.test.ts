import { describe, expect, it } from 'vitest';
import {
  isDisputed,
  sentenceState,
  type SentenceState,
  type VerdictInPlay,
} from '@/lib/workflow/sentence-state';

const v = (rating: string, status: VerdictInPlay['status']): VerdictInPlay => ({ rating, status });

describe('sentenceState', () => {
  const cases: [string, VerdictInPlay[], boolean, SentenceState][] = [
    ['no verdict', [], false, 'unchecked'],
    ['drafts only are private work', [v('false', 'draft'), v('true', 'draft')], false, 'unchecked'],
    ['one submitted', [v('false', 'submitted')], false, 'in_review'],
    [
      'two submitted that agree',
      [v('false', 'submitted'), v('false', 'submitted')],
      false,
      'in_review',
    ],
    [
      'two submitted that differ',
      [v('false', 'submitted'), v('true', 'submitted')],
      false,
      'disputed',
    ],
    ['approved and published', [v('false', 'approved')], true, 'approved'],
    [
      'a new submission against the approved one',
      [v('false', 'approved'), v('true', 'submitted')],
      true,
      'disputed',
    ],
    [
      'an agreeing submission after approval',
      [v('false', 'approved'), v('false', 'submitted')],
      true,
      'in_review',
    ],
    [
      'sent back verdicts are out of play',
      [v('false', 'approved'), v('true', 'rejected')],
      true,
      'approved',
    ],
    ['a reopened draft keeps the published verdict', [v('true', 'draft')], true, 'approved'],
    [
      'a draft does not dispute a submission',
      [v('true', 'draft'), v('false', 'submitted')],
      false,
      'in_review',
    ],
    [
      'resolved by an editor: published, nothing in play',
      [v('true', 'rejected'), v('false', 'rejected')],
      true,
      'approved',
    ],
  ];
  it.each(cases)('%s', (_name, verdicts, published, expected) => {
    expect(sentenceState(verdicts, published)).toBe(expected);
  });
});

describe('isDisputed', () => {
  it('needs two different ratings in play', () => {
    expect(isDisputed([v('false', 'submitted')])).toBe(false);
    expect(isDisputed([v('false', 'submitted'), v('true', 'draft')])).toBe(false);
    expect(isDisputed([v('false', 'submitted'), v('true', 'approved')])).toBe(true);
  });
});
