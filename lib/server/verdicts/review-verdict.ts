// A second member approves a submitted verdict (it becomes the sentence's published verdict)
// or sends it back with a reason. Never the author: the two-person rule (also a CHECK in the
// database). On a disputed sentence only an editor or owner who is not a party to the dispute
// (unless the team allows it, adjudication.ts) may approve, which settles the dispute: the
// verdicts in play that disagree are sent back.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { can } from '@/lib/permissions';
import { ratingLabel } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { isVisibleVerdict } from '@/lib/server/audit/redact';
import { AppError, notFound } from '@/lib/server/errors';
import { isInPlay } from '@/lib/workflow/sentence-state';
import { rejectVerdictSchema, verdictVersionSchema } from '@/lib/validations/verdict';
import { recordSettlement, requireIndependentAdjudicator } from './adjudication';
import { auditView, serializeVerdict, verdictSelect, type VerdictRow } from './serialize';
import {
  checkVersion,
  disputed,
  lockSentenceForMember,
  publishVerdict,
  verdictsOf,
  type SentenceContext,
} from './workflow';

interface ReviewOptions {
  userId: string;
  verdictId: string;
  input: unknown;
}

export async function approveVerdict(options: ReviewOptions) {
  const { version } = verdictVersionSchema.parse(options.input ?? {});
  return prisma.$transaction(async (tx) => {
    const { sentence, verdicts, target } = await loadForReview(tx, options);
    checkVersion(target, version);
    requireReviewable(target, options.userId);
    const isDispute = disputed(verdicts);
    if (isDispute && !can(sentence.role, 'dispute.resolve')) {
      throw new AppError('forbidden', 'disputeNeedsEditor');
    }
    const settlement = isDispute
      ? await requireIndependentAdjudicator(tx, sentence, options.userId)
      : null;
    const approved = await approveInTransaction(tx, sentence, target, options.userId);
    if (settlement) {
      await sendBackDisagreeing(tx, sentence, verdicts, target.rating, options.userId);
      // The same record as a settlement through POST …/resolve: agreement and reports read it.
      await recordSettlement(tx, sentence, options.userId, {
        verdictId: target.id,
        rating: target.rating,
        byParty: settlement.byParty,
      });
    }
    return approved;
  });
}

export async function rejectVerdict(options: ReviewOptions) {
  const { reason, version } = rejectVerdictSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { sentence, target } = await loadForReview(tx, options);
    checkVersion(target, version);
    requireReviewable(target, options.userId);
    return sendBack(tx, sentence, target, options.userId, reason);
  });
}

async function loadForReview(tx: Tx, options: ReviewOptions) {
  const found = await tx.verdict.findFirst({
    where: { id: options.verdictId, sentence: { article: articleOfMember(options.userId) } },
    select: { sentenceId: true },
  });
  if (!found) throw notFound('verdict');
  const sentence = await lockSentenceForMember(tx, {
    userId: options.userId,
    sentenceId: found.sentenceId,
    permission: 'verdict.review',
  });
  const verdicts = await verdictsOf(tx, sentence.id);
  const target = verdicts.find((v) => v.id === options.verdictId);
  if (!target) throw notFound('verdict');
  // A teammate's draft is refused before anything could answer with its content (a stale
  // version's 409 or the invalid state's `current` would carry it).
  if (!isVisibleVerdict({ status: target.status, authorId: target.author.id }, options.userId)) {
    throw new AppError('invalid_state', 'onlySubmittedReviewed');
  }
  return { sentence, verdicts, target };
}

function requireReviewable(target: VerdictRow, userId: string): void {
  if (target.author.id === userId) {
    throw new AppError('forbidden', 'noSelfReview');
  }
  if (target.status !== 'submitted') {
    throw new AppError('invalid_state', 'onlySubmittedReviewed', {
      current: serializeVerdict(target),
    });
  }
}

/** Approve `target` (by `approverId`) and publish it as the sentence's verdict. */
export async function approveInTransaction(
  tx: Tx,
  sentence: SentenceContext,
  target: VerdictRow,
  approverId: string,
) {
  const after = await tx.verdict.update({
    where: { id: target.id },
    data: {
      status: 'approved',
      reviewedById: approverId,
      reviewedAt: new Date(),
      reviewNote: null,
      version: { increment: 1 },
    },
    select: verdictSelect,
  });
  await publishVerdict(tx, after, approverId);
  const result = serializeVerdict(after);
  await recordAudit(tx, {
    teamId: sentence.teamId,
    articleId: sentence.articleId,
    sentenceId: sentence.id,
    actorId: approverId,
    action: 'verdict.approve',
    entityType: 'verdict',
    entityId: target.id,
    before: auditView(serializeVerdict(target)),
    after: auditView(result),
  });
  return result;
}

async function sendBack(
  tx: Tx,
  sentence: SentenceContext,
  target: VerdictRow,
  reviewerId: string,
  reason: string,
) {
  const after = serializeVerdict(
    await tx.verdict.update({
      where: { id: target.id },
      data: {
        status: 'rejected',
        reviewedById: reviewerId,
        reviewedAt: new Date(),
        reviewNote: reason,
        version: { increment: 1 },
      },
      select: verdictSelect,
    }),
  );
  await recordAudit(tx, {
    teamId: sentence.teamId,
    articleId: sentence.articleId,
    sentenceId: sentence.id,
    actorId: reviewerId,
    action: 'verdict.reject',
    entityType: 'verdict',
    entityId: target.id,
    before: auditView(serializeVerdict(target)),
    after: { ...auditView(after), reason },
  });
  return after;
}

/**
 * Settling a dispute: every verdict in play that rates differently is sent back. The editor's
 * own disagreeing verdict cannot be reviewed by them (two-person rule): it is withdrawn to a
 * draft instead, which takes it out of play.
 */
export async function sendBackDisagreeing(
  tx: Tx,
  sentence: SentenceContext,
  verdicts: VerdictRow[],
  finalRating: VerdictRow['rating'],
  editorId: string,
): Promise<void> {
  const reason = `Litige tranché : verdict retenu « ${ratingLabel(finalRating)} ».`;
  for (const verdict of verdicts) {
    if (!isInPlay(verdict) || verdict.rating === finalRating) continue;
    if (verdict.author.id !== editorId) {
      await sendBack(tx, sentence, verdict, editorId, reason);
      continue;
    }
    const after = await tx.verdict.update({
      where: { id: verdict.id },
      data: {
        status: 'draft',
        submittedAt: null,
        reviewedById: null,
        reviewedAt: null,
        version: { increment: 1 },
      },
      select: verdictSelect,
    });
    await recordAudit(tx, {
      teamId: sentence.teamId,
      articleId: sentence.articleId,
      sentenceId: sentence.id,
      actorId: editorId,
      action: 'verdict.withdraw',
      entityType: 'verdict',
      entityId: verdict.id,
      before: auditView(serializeVerdict(verdict)),
      after: auditView(serializeVerdict(after)),
    });
  }
}
