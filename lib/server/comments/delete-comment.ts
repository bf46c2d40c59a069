// Deleting a comment: its author, or an editor or owner. It keeps its place (text removed) so
// its replies stay in their thread, and its text leaves its audit events too.
import 'server-only';
import { prisma } from '@/lib/db';
import { can } from '@/lib/permissions';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { scrubDeletedComment } from '@/lib/server/audit/redact';
import { AppError } from '@/lib/server/errors';
import { deleteCommentSchema } from '@/lib/validations/comment';
import { loadComment, staleComment } from './load-comment';
import { commentSelect, serializeComment, type CommentDto } from './serialize';

export async function deleteComment(options: {
  userId: string;
  commentId: string;
  input: unknown;
}): Promise<CommentDto> {
  const { version } = deleteCommentSchema.parse(options.input ?? {});
  return prisma.$transaction(async (tx) => {
    const { comment, teamId, articleId, role } = await loadComment(tx, options);
    if (comment.author.id !== options.userId && !can(role, 'comment.moderate')) {
      throw new AppError('forbidden', 'commentDeleteForbidden');
    }
    if (comment.deletedAt) return serializeComment(comment);
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, ...(version !== undefined ? { version } : {}) },
      data: { body: '', deletedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleComment(tx, comment.id);
    const after = serializeComment(
      await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect }),
    );
    // Nothing deleted stays readable: not in its creation and edit events, not in this one.
    await scrubDeletedComment(tx, comment.id);
    await recordAudit(tx, {
      teamId,
      articleId,
      sentenceId: comment.sentenceId,
      actorId: options.userId,
      action: 'comment.delete',
      entityType: 'comment',
      entityId: comment.id,
      before: { version: comment.version },
      after: { deleted: true, version: after.version },
    });
    return after;
  });
}
