// Editors and owners ask a member to check a sentence (it appears in that member's queue).
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { assignSentenceSchema } from '@/lib/validations/sentence';

export async function assignSentence(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
}) {
  const { userId: assigneeId } = assignSentenceSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const sentence = await tx.sentence.findFirst({
      where: { id: options.sentenceId, article: articleOfMember(options.userId) },
      select: {
        id: true,
        kind: true,
        articleId: true,
        assignee: { select: { id: true, name: true } },
        article: { select: { teamId: true, ...myMembership(options.userId) } },
      },
    });
    if (!sentence) throw notFound('sentence');
    requirePermission(sentence.article.team.memberships[0], 'sentence.assign', 'sentence');
    if (sentence.kind !== 'sentence') {
      throw new AppError('not_checkable', 'notCheckable');
    }
    let assignee: { id: string; name: string } | null = null;
    if (assigneeId) {
      const member = await tx.membership.findUnique({
        where: { teamId_userId: { teamId: sentence.article.teamId, userId: assigneeId } },
        select: { role: true, user: { select: { id: true, name: true } } },
      });
      if (!member) {
        throw new AppError('validation_failed', 'notAMember');
      }
      if (member.role === 'viewer') {
        throw new AppError('validation_failed', 'viewerCannotCheck');
      }
      assignee = member.user;
    }
    await tx.sentence.update({
      where: { id: sentence.id },
      data: { assigneeId: assignee?.id ?? null, assignedAt: assignee ? new Date() : null },
    });
    await recordAudit(tx, {
      teamId: sentence.article.teamId,
      articleId: sentence.articleId,
      sentenceId: sentence.id,
      actorId: options.userId,
      action: 'sentence.assign',
      entityType: 'sentence',
      entityId: sentence.id,
      before: { assignee: sentence.assignee },
      after: { assignee },
    });
    return { sentenceId: sentence.id, assignee };
  });
}
