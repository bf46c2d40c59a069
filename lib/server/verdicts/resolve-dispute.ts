// An editor or owner settles a disputed sentence: by approving one of the verdicts in play, or
// by writing the final verdict with a rationale. The verdicts that disagree are sent back. The
// adjudicator must not be a party to the dispute unless the team allows it (adjudication.ts).
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { NO_CLAIM_FIELDS } from '@/lib/reports/claim-fields';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { indexPublishedClaim } from '@/lib/server/matching/index-claims';
import { queueSourceArchives } from '@/lib/server/sources/queue-archives';
import { AppError, notFound } from '@/lib/server/errors';
import { isInPlay } from '@/lib/workflow/sentence-state';
import { resolveDisputeSchema } from '@/lib/validations/verdict';
import { recordSettlement, requireIndependentAdjudicator } from './adjudication';
import { approveInTransaction, sendBackDisagreeing } from './review-verdict';
import { auditView, serializeVerdict, verdictSelect, type VerdictRow } from './serialize';
import {
  checkVersion,
  disputed,
  lockSentenceForMember,
  requireCheckable,
  verdictsOf,
  type SentenceContext,
} from './workflow';
import { getPublishedVerdict } from './get-published-verdict';

export async function resolveDispute(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
}) {
  const data = resolveDisputeSchema.parse(options.input);
  await prisma.$transaction(async (tx) => {
    const sentence = await lockSentenceForMember(tx, {
      userId: options.userId,
      sentenceId: options.sentenceId,
      permission: 'dispute.resolve',
    });
    requireCheckable(sentence);
    const verdicts = await verdictsOf(tx, sentence.id);
    if (!disputed(verdicts)) {
      throw new AppError('invalid_state', 'notDisputed');
    }
    const { byParty } = await requireIndependentAdjudicator(tx, sentence, options.userId);

    if ('verdictId' in data) {
      const target = verdicts.find((v) => v.id === data.verdictId);
      if (!target) throw notFound('verdict');
      // Before the version check: a stale version's 409 would carry a teammate's draft.
      if (!isInPlay(target)) {
        throw new AppError('invalid_state', 'onlyInPlayChosen');
      }
      checkVersion(target, data.version);
      if (target.author.id === options.userId) {
        throw new AppError('forbidden', 'noSelfSettlement');
      }
      if (target.status === 'submitted') {
        await approveInTransaction(tx, sentence, target, options.userId);
      }
      await sendBackDisagreeing(tx, sentence, verdicts, target.rating, options.userId);
      await recordSettlement(tx, sentence, options.userId, {
        verdictId: target.id,
        rating: target.rating,
        byParty,
      });
      return;
    }

    const published = {
      verdictId: null,
      rating: data.rating,
      rationale: data.rationale,
      sources: data.sources,
      claim: { ...(data.claim ?? NO_CLAIM_FIELDS) },
      authorId: options.userId,
      approvedById: options.userId,
      approvedAt: new Date(),
      isResolution: true,
      needsRecheck: false,
    };
    await tx.publishedVerdict.upsert({
      where: { sentenceId: sentence.id },
      create: { sentenceId: sentence.id, ...published },
      update: published,
    });
    await indexPublishedClaim(tx, sentence.id);
    await queueSourceArchives(
      tx,
      sentence.teamId,
      data.sources.map((source) => source.url),
    );
    await sendBackDisagreeing(tx, sentence, verdicts, data.rating, options.userId);
    await confirmAgreeing(tx, sentence, verdicts, data.rating, options.userId);
    await recordSettlement(tx, sentence, options.userId, {
      rating: data.rating,
      rationale: data.rationale,
      sources: data.sources.map((s) => s.url),
      byParty,
    });
  });
  return getPublishedVerdict({ userId: options.userId, sentenceId: options.sentenceId });
}

/**
 * After an editor wrote the final verdict, submitted verdicts that agree with it are approved
 * (they were right; the published verdict stays the editor's), so nothing is left in review.
 * The editor's own agreeing submission is withdrawn to a draft: their resolution replaces it.
 */
async function confirmAgreeing(
  tx: Tx,
  sentence: SentenceContext,
  verdicts: VerdictRow[],
  finalRating: VerdictRow['rating'],
  editorId: string,
): Promise<void> {
  for (const verdict of verdicts) {
    if (verdict.status !== 'submitted' || verdict.rating !== finalRating) continue;
    const isOwn = verdict.author.id === editorId;
    const after = await tx.verdict.update({
      where: { id: verdict.id },
      data: isOwn
        ? { status: 'draft', submittedAt: null, version: { increment: 1 } }
        : {
            status: 'approved',
            reviewedById: editorId,
            reviewedAt: new Date(),
            version: { increment: 1 },
          },
      select: verdictSelect,
    });
    await recordAudit(tx, {
      teamId: sentence.teamId,
      articleId: sentence.articleId,
      sentenceId: sentence.id,
      actorId: editorId,
      action: isOwn ? 'verdict.withdraw' : 'verdict.approve',
      entityType: 'verdict',
      entityId: verdict.id,
      before: auditView(serializeVerdict(verdict)),
      after: auditView(serializeVerdict(after)),
    });
  }
}
