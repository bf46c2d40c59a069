/**
 * Public entry point of the framework-free anchoring core: selectors, anchoring,
 * unit linking, highlight painting and DOM ⇄ offset conversion.
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
  anchor,
  anchorByPosition,
  anchorByQuote,
  selectorsOf,
  type AnchorStep,
  type SelectorsByType,
} from './anchor';
export { rangesOverlap, unitsTouched } from './units';
export { groupByUnit, splitIntoSegments, type Highlight, type Segment } from './paint';
export { rangeToTextRange, textRangeToDomRange } from './dom';
