// The sentence's published (final) verdict as the API shows it.
import 'server-only';
import type { z } from 'zod';
import type { publishedVerdictDto } from '@/lib/validations/dto/verdict';
import { prisma } from '@/lib/db';
import type { Rating } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import type { SourceDto } from './serialize';

export const publishedSelect = {
  verdictId: true,
  rating: true,
  rationale: true,
  sources: true,
  approvedAt: true,
  isResolution: true,
  needsRecheck: true,
  author: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} as const;

export interface PublishedRow {
  verdictId: string | null;
  rating: Rating;
  rationale: string;
  sources: unknown;
  approvedAt: Date;
  isResolution: boolean;
  needsRecheck: boolean;
  author: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
}

export type PublishedVerdictDto = z.output<typeof publishedVerdictDto>;

export function serializePublished(row: PublishedRow): PublishedVerdictDto {
  return {
    verdictId: row.verdictId,
    rating: row.rating,
    rationale: row.rationale,
    // Written by publishVerdict / resolveDispute from validated sources only.
    sources: (Array.isArray(row.sources) ? row.sources : []) as SourceDto[],
    author: row.author,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt.toISOString(),
    isResolution: row.isResolution,
    needsRecheck: row.needsRecheck,
  };
}

export async function getPublishedVerdict(options: { userId: string; sentenceId: string }) {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: { published: { select: publishedSelect } },
  });
  if (!sentence) throw notFound('Phrase');
  return sentence.published ? serializePublished(sentence.published) : null;
}
