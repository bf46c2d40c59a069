// How a sentence looks in the reader, at a glance: one look per sentence, from the team's state
// and my own verdict, with the words the legend and the sentence's title use. Pure: the reader
// and its legend share it; app/globals.css draws each look (pattern, glyph and colour, never
// colour alone).
//
// Only a published (approved) verdict tints the sentence in its rating's colour; my draft shows
// as a draft whatever its rating. The team's shared state comes first (a dispute, a verdict
// awaiting review, the published verdict), then my own work (sent back, draft). « À revérifier »
// is not a look but a mark added to any of them.
import type { SentenceState, VerdictStatus } from './sentence-state';

export const SENTENCE_LOOKS = [
  'unchecked',
  'draft',
  'in_review',
  'sent_back',
  'disputed',
  'approved',
] as const;
export type SentenceLook = (typeof SENTENCE_LOOKS)[number];

export interface LookInput {
  state: SentenceState;
  /** The published verdict's rating, if any. */
  publishedRating: string | null;
  /** The status of the current user's own verdict, if any. */
  myStatus: VerdictStatus | null;
}

export function sentenceLook(input: LookInput): SentenceLook {
  if (input.state === 'disputed') return 'disputed';
  if (input.state === 'in_review') return 'in_review';
  if (input.publishedRating !== null || input.state === 'approved') return 'approved';
  if (input.myStatus === 'rejected') return 'sent_back';
  if (input.myStatus === 'draft') return 'draft';
  return 'unchecked';
}

export const SENTENCE_LOOK_LABELS: Record<SentenceLook, string> = {
  unchecked: 'À vérifier',
  draft: 'Mon brouillon',
  in_review: 'Soumis, en relecture',
  sent_back: 'Renvoyé',
  disputed: 'En litige',
  approved: 'Publié',
};

/** What the legend says of each look: the pattern, then what it means. */
export const SENTENCE_LOOK_DESCRIPTIONS: Record<SentenceLook, string> = {
  unchecked: 'Trait fin gris : aucun verdict soumis ni publié.',
  draft:
    'Tirets violets, fond hachuré et crayon ✎ : mon verdict, pas encore soumis (visible de moi seul·e).',
  in_review: 'Pointillés bleus et horloge ◷ : un verdict soumis attend sa relecture.',
  sent_back: 'Double trait orange et flèche ↩ : mon verdict a été renvoyé, à reprendre.',
  disputed: 'Cadre rouge en tirets et signe ≠ : des verdicts soumis divergent, à trancher.',
  approved:
    'Fond et trait plein de la couleur du verdict, coche ✓ : verdict approuvé et publié (seul état teinté).',
};

export const RECHECK_LABEL = 'À revérifier';
export const RECHECK_DESCRIPTION =
  'Vague ambre et flèche ↻ au début : le texte a changé depuis que ses verdicts ont été écrits.';
