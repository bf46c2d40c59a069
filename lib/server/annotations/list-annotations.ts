import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { annotationSelect, serializeAnnotation } from './serialize';

export async function listAnnotations(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      sentences: { select: { id: true, index: true } },
      annotations: { orderBy: { positionStart: 'asc' }, select: annotationSelect },
    },
  });
  if (!article) throw notFound('article');
  const order = new Map(article.sentences.map((s) => [s.id, s.index]));
  return article.annotations.map((row) => serializeAnnotation(row, order));
}
