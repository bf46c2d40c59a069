// The features claim triage detects (lib/text/triage.ts), in the fixed order in which they are
// reported. A module of its own so the response schemas (lib/validations/dto, also bundled for
// the browser) name them without pulling the triage rules and the lexicon into the page.
export const TRIAGE_REASONS = [
  'figure',
  'date',
  'entity',
  'attribution',
  'quote',
  'comparison',
] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];
