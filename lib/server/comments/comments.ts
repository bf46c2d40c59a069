// Threaded comments on a sentence or on a highlight touching it. Every member may comment
// (viewers included); authors edit and delete their own, editors and owners delete any.
// Deleting keeps the comment's place (text removed) so its replies stay in their thread, and
// removes its text from its audit events too: only the facts of its history remain.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { can } from '@/lib/permissions';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { scrubDeletedComment } from '@/lib/server/audit/redact';
import { AppError, notFound } from '@/lib/server/errors';
import {
  createCommentSchema,
  deleteCommentSchema,
  updateCommentSchema,
} from '@/lib/validations/comment';
import { commentSelect, serializeComment, type CommentRow } from './serialize';

export async function listComments(options: { userId: string; sentenceId: string }) {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: { comments: { orderBy: { createdAt: 'asc' }, select: commentSelect } },
  });
  if (!sentence) throw notFound('Phrase');
  return sentence.comments.map(serializeComment);
}

export async function createComment(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
}) {
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
    if (!sentence) throw notFound('Phrase');
    requirePermission(sentence.article.team.memberships[0], 'comment.create', 'Phrase');

    let annotationId = data.annotationId ?? null;
    if (data.parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: data.parentId, sentenceId: sentence.id },
        select: { annotationId: true },
      });
      if (!parent) {
        throw new AppError(
          'validation_failed',
          'Le commentaire auquel vous répondez n’existe pas.',
        );
      }
      annotationId = parent.annotationId; // a reply stays in its thread
    } else if (annotationId) {
      const touches = await tx.annotationSentence.findUnique({
        where: { annotationId_sentenceId: { annotationId, sentenceId: sentence.id } },
      });
      if (!touches) {
        throw new AppError('validation_failed', 'Ce surlignage ne touche pas cette phrase.');
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

export async function updateComment(options: {
  userId: string;
  commentId: string;
  input: unknown;
}) {
  const data = updateCommentSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { comment, teamId, articleId } = await loadComment(tx, options);
    if (comment.author.id !== options.userId) {
      throw new AppError('forbidden', 'Seul·e son auteur·rice peut modifier un commentaire.');
    }
    if (comment.deletedAt) throw new AppError('invalid_state', 'Ce commentaire a été supprimé.');
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

export async function deleteComment(options: {
  userId: string;
  commentId: string;
  input: unknown;
}) {
  const { version } = deleteCommentSchema.parse(options.input ?? {});
  return prisma.$transaction(async (tx) => {
    const { comment, teamId, articleId, role } = await loadComment(tx, options);
    if (comment.author.id !== options.userId && !can(role, 'comment.moderate')) {
      throw new AppError(
        'forbidden',
        'Seul·e son auteur·rice, un·e éditeur·rice ou un·e propriétaire peut supprimer ce commentaire.',
      );
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

async function loadComment(tx: Tx, options: { userId: string; commentId: string }) {
  const row = await tx.comment.findFirst({
    where: { id: options.commentId, article: articleOfMember(options.userId) },
    select: {
      ...commentSelect,
      article: { select: { id: true, teamId: true, ...myMembership(options.userId) } },
    },
  });
  if (!row) throw notFound('Commentaire');
  const { article, ...comment } = row;
  const role = requirePermission(article.team.memberships[0], 'comment.create', 'Commentaire');
  return { comment: comment as CommentRow, teamId: article.teamId, articleId: article.id, role };
}

async function staleComment(tx: Tx, id: string): Promise<AppError> {
  const current = await tx.comment.findUniqueOrThrow({ where: { id }, select: commentSelect });
  return new AppError(
    'conflict',
    'Ce commentaire a été modifié entre-temps : relisez-le puis réessayez.',
    { current: serializeComment(current) },
  );
}
