// Stored highlight → API shape with W3C Web Annotation selectors.
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { annotationDto } from '@/lib/validations/dto/annotation';

export const annotationSelect = {
  id: true,
  note: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
  anchorStatus: true,
  version: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  sentences: { select: { sentenceId: true } },
} as const satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export type AnnotationDto = z.output<typeof annotationDto>;

export function serializeAnnotation(
  row: AnnotationRow,
  sentenceOrder?: Map<string, number>,
): AnnotationDto {
  const sentenceIds = row.sentences.map((s) => s.sentenceId);
  if (sentenceOrder)
    sentenceIds.sort((a, b) => (sentenceOrder.get(a) ?? 0) - (sentenceOrder.get(b) ?? 0));
  return {
    id: row.id,
    author: row.author,
    note: row.note,
    sentenceIds,
    /** anchored | fuzzy (placed by approximate match after a revision) | orphaned (old quote). */
    anchorStatus: row.anchorStatus,
    version: row.version,
    target: {
      selector: [
        {
          type: 'TextQuoteSelector' as const,
          exact: row.quoteExact,
          prefix: row.quotePrefix,
          suffix: row.quoteSuffix,
        },
        { type: 'TextPositionSelector' as const, start: row.positionStart, end: row.positionEnd },
      ],
    },
    createdAt: row.createdAt.toISOString(),
  };
}
