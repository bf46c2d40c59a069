// The author submits their draft (or a verdict sent back to them) for a second pair of eyes.
import 'server-only';
import { prisma } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { verdictVersionSchema } from '@/lib/validations/verdict';
import { auditView, serializeVerdict, verdictSelect } from './serialize';
import { checkVersion, lockSentenceForMember, requireCheckable } from './workflow';

export async function submitVerdict(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
}) {
  const { version } = verdictVersionSchema.parse(options.input ?? {});
  return prisma.$transaction(async (tx) => {
    const sentence = await lockSentenceForMember(tx, {
      userId: options.userId,
      sentenceId: options.sentenceId,
      permission: 'verdict.write',
    });
    requireCheckable(sentence);
    const mine = await tx.verdict.findUnique({
      where: { sentenceId_authorId: { sentenceId: sentence.id, authorId: options.userId } },
      select: verdictSelect,
    });
    if (!mine) throw notFound('verdict');
    checkVersion(mine, version);
    if (mine.status === 'submitted' || mine.status === 'approved') {
      throw new AppError(
        'invalid_state',
        mine.status === 'submitted' ? 'verdictAlreadySubmitted' : 'verdictAlreadyApproved',
        { current: serializeVerdict(mine) },
      );
    }
    const after = serializeVerdict(
      await tx.verdict.update({
        where: { id: mine.id },
        data: {
          status: 'submitted',
          submittedAt: new Date(),
          reviewedById: null,
          reviewedAt: null,
          reviewNote: null,
          version: { increment: 1 },
        },
        select: verdictSelect,
      }),
    );
    await recordAudit(tx, {
      teamId: sentence.teamId,
      articleId: sentence.articleId,
      sentenceId: sentence.id,
      actorId: options.userId,
      action: 'verdict.submit',
      entityType: 'verdict',
      entityId: mine.id,
      before: auditView(serializeVerdict(mine)),
      after: auditView(after),
    });
    return after;
  });
}
