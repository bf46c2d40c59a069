// Creates highlights from W3C selectors. The selectors must anchor in the article's current
// text (position, quote with context, or close enough); the stored selectors are re-described
// from the text so prefix/suffix are always complete, and each highlight is linked to every
// unit it touches. One highlight from the reader, or many from an imported collection.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { anchor, describeRange, unitsTouched } from '@/lib/anchoring';
import type { Selector } from '@/lib/anchoring';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { createAnnotationSchema } from '@/lib/validations/annotation';
import { annotationSelect, serializeAnnotation, type AnnotationDto } from './serialize';

const IMPORT_LIMIT = 5000;

export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const data = createAnnotationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { imported, skipped } = await createAnnotationsInTransaction(tx, {
      userId: options.userId,
      articleId: options.articleId,
      items: [{ selector: data.selector as Selector[], note: data.note }],
    });
    if (imported.length === 0) throw new AppError('selector_mismatch', skipped[0]!);
    return imported[0]!;
  });
}

export async function createAnnotationsInTransaction(
  tx: Tx,
  options: {
    userId: string;
    articleId: string;
    items: { selector: Selector[]; note: string | null }[];
  },
): Promise<{ imported: AnnotationDto[]; skipped: string[] }> {
  const article = await tx.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      teamId: true,
      text: true,
      ...myMembership(options.userId),
      sentences: {
        where: { retiredAt: null },
        select: { id: true, index: true, start: true, end: true },
      },
    },
  });
  if (!article) throw notFound('Article');
  requirePermission(article.team.memberships[0], 'annotation.create');
  if (options.items.length > IMPORT_LIMIT) {
    throw new AppError('validation_failed', `${IMPORT_LIMIT} surlignages au plus par import.`);
  }
  const order = new Map(article.sentences.map((s) => [s.id, s.index]));

  const imported: AnnotationDto[] = [];
  const skipped: string[] = [];
  for (const [i, item] of options.items.entries()) {
    const where = options.items.length > 1 ? ` (annotation ${i + 1})` : '';
    const placed = anchor(item.selector, article.text);
    // A new highlight must match the text exactly; approximate matches are for re-anchoring
    // existing highlights after a correction.
    if (!placed || placed.method === 'fuzzy') {
      skipped.push(`La sélection ne correspond pas au texte de l'article${where}.`);
      continue;
    }
    const [quote, position] = describeRange(article.text, placed);
    const touched = unitsTouched(article.sentences, placed);
    if (touched.length === 0) {
      skipped.push(`La sélection ne touche aucune phrase${where}.`);
      continue;
    }
    const row = await tx.annotation.create({
      data: {
        articleId: article.id,
        authorId: options.userId,
        note: item.note,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix ?? '',
        quoteSuffix: quote.suffix ?? '',
        positionStart: position.start,
        positionEnd: position.end,
        sentences: { createMany: { data: touched.map((s) => ({ sentenceId: s.id })) } },
      },
      select: annotationSelect,
    });
    const annotation = serializeAnnotation(row, order);
    await recordAudit(tx, {
      teamId: article.teamId,
      articleId: article.id,
      sentenceId: annotation.sentenceIds[0] ?? null,
      actorId: options.userId,
      action: 'annotation.create',
      entityType: 'annotation',
      entityId: row.id,
      after: {
        note: annotation.note,
        sentenceIds: annotation.sentenceIds,
        selector: annotation.target.selector,
      },
    });
    imported.push(annotation);
  }
  return { imported, skipped };
}
