// Which rating of each verdict the agreement figures count: the one its author submitted, as
// submitted, before the sentence's dispute was settled. Settling a dispute sends verdicts back,
// withdraws an adjudicator's own verdict to a draft, and leads authors to rework theirs to match
// the outcome; none of that may change how much the fact-checkers agreed when they rated
// independently (issue 12: "0 sentences rated by two members" after a settlement).
// Pure: no React, Next, Prisma client or node imports (the status enum is the schema's).
//
// The rule, per verdict:
// 1. It counts once it was submitted (a draft never submitted is private and counts nothing).
// 2. Its rating is the one of its last submission made before the sentence was first settled;
//    when it was first submitted after that settlement, the rating of its last submission.
// 3. Without any recorded submission (rows written outside the app, e.g. bench data), a
//    verdict that is not a draft counts with its current rating.
import type { VerdictStatus } from '@/lib/workflow/sentence-state';

export interface Submission {
  rating: string;
  /**
   * Order of the submission among the sentence's events (its audit event id): only compared
   * with other sequence numbers, never read as a date.
   */
  seq: number;
}

export interface SubmittedVerdict {
  status: VerdictStatus;
  /** The rating now. */
  rating: string;
  /** Every submission of the verdict, in any order. */
  submissions: readonly Submission[];
}

function latest(submissions: readonly Submission[]): Submission | undefined {
  let found: Submission | undefined;
  for (const submission of submissions) {
    if (!found || submission.seq > found.seq) found = submission;
  }
  return found;
}

/**
 * The rating `verdict` counts with, or null when it counts nothing. `settledSeq` is the sequence
 * number of the sentence's first settlement, null when it was never settled.
 */
export function submittedRating(
  verdict: SubmittedVerdict,
  settledSeq: number | null,
): string | null {
  if (verdict.submissions.length === 0) {
    return verdict.status === 'draft' ? null : verdict.rating;
  }
  const before = settledSeq === null ? [] : verdict.submissions.filter((s) => s.seq < settledSeq);
  return latest(before.length > 0 ? before : verdict.submissions)!.rating;
}

/** The ratings one sentence's verdicts count with, one per counting verdict. */
export function submittedRatings(
  verdicts: readonly SubmittedVerdict[],
  settledSeq: number | null,
): string[] {
  const ratings: string[] = [];
  for (const verdict of verdicts) {
    const rating = submittedRating(verdict, settledSeq);
    if (rating !== null) ratings.push(rating);
  }
  return ratings;
}
