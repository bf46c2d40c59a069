// Editing a comment: its author only, at the version they read.
import 'server-only';
import { prisma } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError } from '@/lib/server/errors';
import { updateCommentSchema } from '@/lib/validations/comment';
import { loadComment, staleComment } from './load-comment';
import { commentSelect, serializeComment, type CommentDto } from './serialize';

export async function updateComment(options: {
  userId: string;
  commentId: string;
  input: unknown;
}): Promise<CommentDto> {
  const data = updateCommentSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { comment, teamId, articleId } = await loadComment(tx, options);
    if (comment.author.id !== options.userId) {
      throw new AppError('forbidden', 'commentEditForbidden');
    }
    if (comment.deletedAt) throw new AppError('invalid_state', 'commentDeleted');
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, version: data.version },
      data: { body: data.body, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleComment(tx, comment.id);
    const after = serializeComment(
      await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect }),
    );
    await recordAudit(tx, {
      teamId,
      articleId,
      sentenceId: comment.sentenceId,
      actorId: options.userId,
      action: 'comment.update',
      entityType: 'comment',
      entityId: comment.id,
      before: { body: comment.body, version: comment.version },
      after: { body: after.body, version: after.version },
    });
    return after;
  });
}
