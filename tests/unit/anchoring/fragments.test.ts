import { describe, expect, it } from 'vitest';
import {
  annotationFragment,
  parseArticleFragment,
  type ArticleFragment,
} from '@/lib/anchoring/fragments';
import { sentenceAnchor } from '@/lib/workflow/sentence-link';

describe('sentence and annotation fragments', () => {
  it('URI-encodes an annotation id, as the W3C export does', () => {
    expect(annotationFragment('3f2a')).toBe('annotation-3f2a');
    expect(annotationFragment('a b/c')).toBe('annotation-a%20b%2Fc');
  });

  const cases: [string, string, ArticleFragment | null][] = [
    ['#sentence-1', 'sentence-1 is the first unit', { kind: 'sentence', index: 0 }],
    ['sentence-14', 'without the #', { kind: 'sentence', index: 13 }],
    ['#sentence-0', 'there is no sentence 0', null],
    ['#sentence-01', 'no leading zero', null],
    ['#sentence-2a', 'a number only', null],
    ['#sentence-', 'a number is required', null],
    ['#annotation-3f2a', 'the W3C export’s form', { kind: 'annotation', id: '3f2a' }],
    ['#highlight-3f2a', 'the typed form', { kind: 'annotation', id: '3f2a' }],
    ['#annotation-a%20b%2Fc', 'decoded', { kind: 'annotation', id: 'a b/c' }],
    ['#annotation-%E0%A4%A', 'a broken escape names nothing', null],
    ['#annotation-%20', 'a blank id names nothing', null],
    ['#main', 'another anchor of the page', null],
    ['', 'no hash', null],
  ];
  it.each(cases)('%s: %s', (hash, _name, expected) => {
    expect(parseArticleFragment(hash)).toEqual(expected);
  });

  it('round-trips', () => {
    expect(parseArticleFragment(`#${sentenceAnchor(4)}`)).toEqual({ kind: 'sentence', index: 4 });
    expect(parseArticleFragment(`#${annotationFragment('é/1')}`)).toEqual({
      kind: 'annotation',
      id: 'é/1',
    });
  });
});
