// What the reader needs to paint an article's highlights on first load: offsets, note and
// anchor status only (the full W3C shape of 20,000 highlights is ~10 MB the page would carry
// for nothing). Orphans — few, listed apart with their old quote — keep the full shape.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { annotationSelect, serializeAnnotation, type AnnotationDto } from './serialize';

export interface PaintedAnnotation {
  id: string;
  start: number;
  end: number;
  note: string | null;
  fuzzy: boolean;
}

export async function listPaintedAnnotations(options: {
  userId: string;
  articleId: string;
}): Promise<{ placed: PaintedAnnotation[]; orphans: AnnotationDto[] }> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      annotations: {
        where: { anchorStatus: { not: 'orphaned' } },
        orderBy: { positionStart: 'asc' },
        select: {
          id: true,
          note: true,
          positionStart: true,
          positionEnd: true,
          anchorStatus: true,
        },
      },
    },
  });
  if (!article) throw notFound('article');
  const orphanRows = await prisma.annotation.findMany({
    where: {
      articleId: options.articleId,
      anchorStatus: 'orphaned',
      article: articleOfMember(options.userId),
    },
    orderBy: { positionStart: 'asc' },
    select: annotationSelect,
  });
  return {
    placed: article.annotations.map((row) => ({
      id: row.id,
      start: row.positionStart,
      end: row.positionEnd,
      note: row.note,
      fuzzy: row.anchorStatus === 'fuzzy',
    })),
    orphans: orphanRows.map((row) => serializeAnnotation(row)),
  };
}
