// A comment on a sentence, or on a highlight touching it, or a reply (which stays in its
// parent's thread). Every member may comment, viewers included.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { createCommentSchema } from '@/lib/validations/comment';
import { commentSelect, serializeComment, type CommentDto } from './serialize';

export async function createComment(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
}): Promise<CommentDto> {
  const data = createCommentSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const sentence = await tx.sentence.findFirst({
      where: { id: options.sentenceId, article: articleOfMember(options.userId) },
      select: {
        id: true,
        articleId: true,
        article: { select: { teamId: true, ...myMembership(options.userId) } },
      },
    });
    if (!sentence) throw notFound('sentence');
    requirePermission(sentence.article.team.memberships[0], 'comment.create', 'sentence');

    let annotationId = data.annotationId ?? null;
    if (data.parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: data.parentId, sentenceId: sentence.id },
        select: { annotationId: true },
      });
      if (!parent) {
        throw new AppError('validation_failed', 'replyParentMissing');
      }
      annotationId = parent.annotationId; // a reply stays in its thread
    } else if (annotationId) {
      const touches = await tx.annotationSentence.findUnique({
        where: { annotationId_sentenceId: { annotationId, sentenceId: sentence.id } },
      });
      if (!touches) {
        throw new AppError('validation_failed', 'highlightNotOnSentence');
      }
    }
    const row = await tx.comment.create({
      data: {
        articleId: sentence.articleId,
        sentenceId: sentence.id,
        annotationId,
        parentId: data.parentId ?? null,
        authorId: options.userId,
        body: data.body,
      },
      select: commentSelect,
    });
    const comment = serializeComment(row);
    await recordAudit(tx, {
      teamId: sentence.article.teamId,
      articleId: sentence.articleId,
      sentenceId: sentence.id,
      actorId: options.userId,
      action: 'comment.create',
      entityType: 'comment',
      entityId: row.id,
      after: { body: data.body, parentId: comment.parentId, annotationId },
    });
    return comment;
  });
}
