// A sentence's comments, oldest first, for a member of its team.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { commentSelect, serializeComment, type CommentDto } from './serialize';

export async function listComments(options: {
  userId: string;
  sentenceId: string;
}): Promise<CommentDto[]> {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: { comments: { orderBy: { createdAt: 'asc' }, select: commentSelect } },
  });
  if (!sentence) throw notFound('sentence');
  return sentence.comments.map(serializeComment);
}
