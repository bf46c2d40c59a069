/**
 * Public entry point of the framework-free anchoring core: selectors, anchoring,
 * unit linking, highlight painting, DOM ⇄ offset conversion and carrying
 * highlights and sentences over to a revised text.
 */
export type {
  Anchor,
  AnchorMethod,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
  TextRange,
} from './types';
export { DEFAULT_CONTEXT_LENGTH, describeRange, trimRange } from './describe';
export {
  ANCHOR_STEPS,
  FUZZY_MAX_CANDIDATES,
  FUZZY_MAX_QUOTE_LENGTH,
  FUZZY_QUOTE_THRESHOLD,
  anchor,
  anchorExactly,
  anchorByFuzzyQuote,
  anchorByPosition,
  anchorByQuote,
  selectorsOf,
  type AnchorStep,
  type SelectorsByType,
} from './anchor';
export { rangesOverlap, unitsTouched, unitsTouchedInOrder } from './units';
export { groupByUnit, splitIntoSegments, type Highlight, type Segment } from './paint';
export { rangeToTextRange, textRangeToDomRange } from './dom';
export {
  SENTENCE_MATCH_THRESHOLD,
  SENTENCE_NEARLY_THRESHOLD,
  figuresOf,
  mapSentences,
  reanchorHighlight,
  similarity,
  type AnchorStatus,
  type NewUnitLike,
  type OldSentence,
  type ReanchorResult,
  type SentenceMapping,
  type SentenceMatch,
} from './revise';
