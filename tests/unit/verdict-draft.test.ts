import { describe, expect, it } from 'vitest';
import {
  isEmptyDraft,
  restoreDecision,
  sameContent,
  type VerdictDraft,
} from '@/lib/offline/verdict-draft';
import { describeLabels } from '@/lib/offline/queue';

const source = (url: string, title = '') => ({
  url,
  title,
  publisher: '',
  publishedAt: '',
  excerpt: '',
});

const draft = (over: Partial<VerdictDraft> = {}): VerdictDraft => ({
  rating: 'false',
  rationale: 'Le chiffre est faux.',
  sources: [source('https://example.org/a')],
  baseVersion: 3,
  savedAt: 0,
  ...over,
});

const server = (
  over: Partial<{ rating: 'false' | 'true'; rationale: string; version: number }> = {},
) => ({
  rating: 'false' as const,
  rationale: 'Le chiffre est faux.',
  sources: [source('https://example.org/a')],
  version: 3,
  ...over,
});

describe('sameContent', () => {
  it.each([
    ['surrounding blanks of the rationale', { rationale: '  Le chiffre est faux.\n' }, true],
    ['an empty source row', { sources: [source('https://example.org/a'), source('')] }, true],
    ['another rating', { rating: 'true' as const }, false],
    ['another rationale', { rationale: 'Le chiffre est juste.' }, false],
    ['a source title added', { sources: [source('https://example.org/a', 'Rapport')] }, false],
    ['a source removed', { sources: [] }, false],
  ])('%s → %s', (_label, change, expected) => {
    expect(sameContent(draft(change), server())).toBe(expected);
  });
});

describe('restoreDecision: what a kept draft becomes when the form opens again', () => {
  it.each([
    ['nothing kept', null, server(), 'none'],
    ['the server has the same content', draft(), server(), 'discard'],
    [
      'an empty draft and no verdict',
      draft({ rating: null, rationale: '', sources: [] }),
      null,
      'discard',
    ],
    [
      'changes on the version the server still has',
      draft({ rationale: 'Plus précis.' }),
      server(),
      'restore',
    ],
    ['a first verdict never sent', draft({ baseVersion: null }), null, 'restore'],
    [
      'my verdict changed elsewhere since',
      draft({ rationale: 'Plus précis.' }),
      server({ version: 4 }),
      'conflict',
    ],
    [
      'a first verdict, but one exists now (another device)',
      draft({ baseVersion: null, rationale: 'x' }),
      server(),
      'conflict',
    ],
    ['my verdict was deleted meanwhile', draft({ baseVersion: 3 }), null, 'conflict'],
  ] as const)('%s → %s', (_label, kept, mine, expected) => {
    expect(restoreDecision(kept, mine)).toBe(expected);
  });

  it('an empty draft is recognised', () => {
    expect(isEmptyDraft({ rating: null, rationale: '  ', sources: [source(' ')] })).toBe(true);
    expect(isEmptyDraft({ rating: null, rationale: 'x', sources: [] })).toBe(false);
  });
});

describe('describeLabels: what waits on the device, in words', () => {
  it.each([
    [[], ''],
    [['Verdict'], 'Verdict'],
    [['Surlignage', 'Verdict', 'Surlignage'], 'Surlignage ×2, Verdict'],
  ])('%j → %s', (labels, expected) => {
    expect(describeLabels(labels)).toBe(expected);
  });
});
