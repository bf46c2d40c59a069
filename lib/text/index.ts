// Public entry of the pure text core: segmentation into units and the title/partial helpers.
export {
  PAYWALL_CONTINUATION_PATTERNS,
  PAYWALL_PATTERNS,
  segment,
  type SegmentOptions,
  type TextUnit,
  type UnitKind,
} from './segment';
export { defaultTitle, isPartial } from './title';
export {
  triageUnit,
  TRIAGE_REASONS,
  TRIAGE_REASON_LABELS,
  TRIAGE_WEIGHTS,
  type Triage,
  type TriageReason,
} from './triage';
