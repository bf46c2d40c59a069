import { describe, expect, it } from 'vitest';
import {
  SENTENCE_LOOK_DESCRIPTIONS,
  SENTENCE_LOOK_LABELS,
  SENTENCE_LOOKS,
  sentenceLook,
  type LookInput,
  type SentenceLook,
} from '@/lib/workflow/sentence-look';

const input = (
  state: LookInput['state'],
  publishedRating: string | null,
  myStatus: LookInput['myStatus'],
): LookInput => ({ state, publishedRating, myStatus });

describe('sentenceLook', () => {
  const cases: [string, LookInput, SentenceLook][] = [
    ['nothing yet', input('unchecked', null, null), 'unchecked'],
    [
      'my draft « Vrai » is a draft, not a published « Vrai »',
      input('unchecked', null, 'draft'),
      'draft',
    ],
    ['my verdict submitted', input('in_review', null, 'submitted'), 'in_review'],
    [
      'a teammate’s verdict submitted, mine a draft',
      input('in_review', null, 'draft'),
      'in_review',
    ],
    ['my verdict sent back', input('unchecked', null, 'rejected'), 'sent_back'],
    ['disputed beats everything', input('disputed', 'true', 'draft'), 'disputed'],
    ['published', input('approved', 'true', null), 'approved'],
    ['published, my verdict approved', input('approved', 'false', 'approved'), 'approved'],
    ['published beats my new draft', input('approved', 'true', 'draft'), 'approved'],
    ['published beats my sent-back verdict', input('approved', 'true', 'rejected'), 'approved'],
    [
      'a new submission after publication is in review',
      input('in_review', 'true', null),
      'in_review',
    ],
  ];
  it.each(cases)('%s', (_name, given, expected) => {
    expect(sentenceLook(given)).toBe(expected);
  });

  it('names and describes every look (the legend lists them all)', () => {
    for (const look of SENTENCE_LOOKS) {
      expect(SENTENCE_LOOK_LABELS[look]).toBeTruthy();
      expect(SENTENCE_LOOK_DESCRIPTIONS[look]).toBeTruthy();
    }
    expect(new Set(Object.values(SENTENCE_LOOK_LABELS)).size).toBe(SENTENCE_LOOKS.length);
  });
});
