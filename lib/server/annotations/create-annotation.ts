// Creates a highlight from W3C selectors. The selectors must anchor in the article's text;
// the stored selectors are re-described from the text so prefix/suffix are always complete,
// and the highlight is linked to every unit it touches.
import 'server-only';
import { prisma } from '@/lib/db';
import { anchor, describeRange, unitsTouched } from '@/lib/anchoring';
import type { Selector } from '@/lib/anchoring';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { createAnnotationSchema } from '@/lib/validations/annotation';
import { annotationSelect, serializeAnnotation } from './serialize';

export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const data = createAnnotationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: {
        id: true,
        teamId: true,
        text: true,
        ...myMembership(options.userId),
        sentences: { select: { id: true, index: true, start: true, end: true } },
      },
    });
    if (!article) throw notFound('Article');
    requirePermission(article.team.memberships[0], 'annotation.create');

    const placed = anchor(data.selector as Selector[], article.text);
    if (!placed) {
      throw new AppError(
        'selector_mismatch',
        "La sélection ne correspond pas au texte de l'article.",
      );
    }
    const [quote, position] = describeRange(article.text, placed);
    const touched = unitsTouched(article.sentences, placed);
    if (touched.length === 0) {
      throw new AppError('selector_mismatch', 'La sélection ne touche aucune phrase.');
    }

    const row = await tx.annotation.create({
      data: {
        articleId: article.id,
        authorId: options.userId,
        note: data.note,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix ?? '',
        quoteSuffix: quote.suffix ?? '',
        positionStart: position.start,
        positionEnd: position.end,
        sentences: { createMany: { data: touched.map((s) => ({ sentenceId: s.id })) } },
      },
      select: annotationSelect,
    });
    const annotation = serializeAnnotation(
      row,
      new Map(article.sentences.map((s) => [s.id, s.index])),
    );
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
    return annotation;
  });
}
