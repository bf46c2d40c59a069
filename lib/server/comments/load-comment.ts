// What editing and deleting a comment share: the comment read for a member of its team (with
// the caller's role), and the conflict answer carrying the current comment.
import 'server-only';
import type { Tx } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { commentSelect, serializeComment } from './serialize';

export async function loadComment(tx: Tx, options: { userId: string; commentId: string }) {
  const row = await tx.comment.findFirst({
    where: { id: options.commentId, article: articleOfMember(options.userId) },
    select: {
      ...commentSelect,
      article: { select: { id: true, teamId: true, ...myMembership(options.userId) } },
    },
  });
  if (!row) throw notFound('comment');
  const { article, ...comment } = row;
  const role = requirePermission(article.team.memberships[0], 'comment.create', 'comment');
  return { comment, teamId: article.teamId, articleId: article.id, role };
}

export async function staleComment(tx: Tx, id: string): Promise<AppError> {
  const current = await tx.comment.findUniqueOrThrow({ where: { id }, select: commentSelect });
  return new AppError('conflict', 'commentChanged', { current: serializeComment(current) });
}
