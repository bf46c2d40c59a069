// The review workflow's rules that need no database: a sentence's state from its verdicts, and
// the labels people see. Pure: shared by the server (which enforces) and the UI (which shows).
//
// A verdict is a draft until its author submits it; another member approves it (it becomes the
// sentence's published verdict) or sends it back. Submitted and approved verdicts are "in
// play": when they disagree the sentence is disputed, and only an editor or owner settles it.

import { VerdictStatus } from '@/generated/prisma/enums';

/** A verdict's status: the schema's enum (prisma/schema.prisma), the one declaration. */
export type { VerdictStatus };
export const VERDICT_STATUSES: readonly VerdictStatus[] = Object.values(VerdictStatus);

export function isVerdictStatus(value: unknown): value is VerdictStatus {
  return typeof value === 'string' && (VERDICT_STATUSES as readonly string[]).includes(value);
}

export const SENTENCE_STATES = ['unchecked', 'in_review', 'disputed', 'approved'] as const;
export type SentenceState = (typeof SENTENCE_STATES)[number];

export const VERDICT_STATUS_LABELS: Record<VerdictStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Soumis',
  approved: 'Approuvé',
  rejected: 'Renvoyé',
};

export const SENTENCE_STATE_LABELS: Record<SentenceState, string> = {
  unchecked: 'À vérifier',
  in_review: 'En relecture',
  disputed: 'En litige',
  approved: 'Approuvé',
};

export interface VerdictInPlay {
  rating: string;
  status: VerdictStatus;
}

/** Submitted and approved verdicts count; drafts are private, sent-back ones are out of play. */
export function isInPlay(verdict: VerdictInPlay): boolean {
  return verdict.status === 'submitted' || verdict.status === 'approved';
}

/** Two verdicts in play that rate the sentence differently. */
export function isDisputed(verdicts: readonly VerdictInPlay[]): boolean {
  return new Set(verdicts.filter(isInPlay).map((v) => v.rating)).size > 1;
}

export function sentenceState(
  verdicts: readonly VerdictInPlay[],
  hasPublishedVerdict: boolean,
): SentenceState {
  if (isDisputed(verdicts)) return 'disputed';
  if (verdicts.some((v) => v.status === 'submitted')) return 'in_review';
  if (hasPublishedVerdict) return 'approved';
  return 'unchecked';
}
