// W3C Web Annotation exchange: an article's highlights as an AnnotationCollection (JSON-LD,
// TextQuote + TextPosition selectors, notes as TextualBody), and the import of such a
// collection — each item anchored like a highlight made in the reader, the ones that do not
// match the text reported, never half-imported.
import 'server-only';
import { prisma } from '@/lib/db';
import { parseAnnotationCollection, toAnnotationCollection } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { createAnnotationsInTransaction } from './create-annotation';
import { annotationSelect, serializeAnnotation } from './serialize';

export async function exportAnnotationCollection(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      title: true,
      annotations: {
        where: { anchorStatus: { not: 'orphaned' } },
        orderBy: { positionStart: 'asc' },
        select: annotationSelect,
      },
    },
  });
  if (!article) throw notFound('Article');
  const articleUrl = new URL(`/articles/${article.id}`, options.baseUrl).toString();
  return toAnnotationCollection({
    collectionId: new URL(
      `/api/v1/articles/${article.id}/annotations?format=w3c`,
      options.baseUrl,
    ).toString(),
    sourceUrl: articleUrl,
    annotationBaseUrl: `${articleUrl}#annotation-`,
    label: article.title,
    annotations: article.annotations.map((row) => {
      const dto = serializeAnnotation(row);
      return {
        id: dto.id,
        note: dto.note,
        authorName: dto.author.name,
        createdAt: dto.createdAt,
        selectors: dto.target.selector,
      };
    }),
  });
}

export async function importAnnotationCollection(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const parsed = parseAnnotationCollection(options.input);
  if (parsed.annotations.length === 0) {
    throw new AppError(
      'validation_failed',
      parsed.errors[0] ?? 'Aucune annotation exploitable dans ce document.',
      parsed.errors.map((message) => ({ path: 'items', message })),
    );
  }
  const created = await prisma.$transaction((tx) =>
    createAnnotationsInTransaction(tx, {
      userId: options.userId,
      articleId: options.articleId,
      items: parsed.annotations.map((a) => ({ selector: a.selectors, note: a.note })),
    }),
  );
  return { imported: created.imported, skipped: [...parsed.errors, ...created.skipped] };
}
