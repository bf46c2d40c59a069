// Per sentence of an article, what the reader shows at a glance: its review state, the rating
// that colours it (the published verdict, else my own), my verdict's status, its assignee.
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { sentenceStatesDto, sentenceSummaryDto } from '@/lib/validations/dto/sentence';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { checkableSentences } from '@/lib/server/sentences/checkable';
import { sentenceState } from '@/lib/workflow/sentence-state';

/** What the reader shows at a glance (lib/validations/dto/sentence.ts). */
export type SentenceSummary = z.output<typeof sentenceSummaryDto>;

export const summarySelect = {
  id: true,
  checkworthiness: true,
  published: { select: { rating: true, needsRecheck: true } },
  verdicts: { select: { authorId: true, rating: true, status: true, needsRecheck: true } },
  assignee: { select: { id: true, name: true } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const satisfies Prisma.SentenceSelect;

type SummaryRow = Prisma.SentenceGetPayload<{ select: typeof summarySelect }>;

export function summarize(row: SummaryRow, userId: string): SentenceSummary {
  const mine = row.verdicts.find((v) => v.authorId === userId) ?? null;
  return {
    state: sentenceState(row.verdicts, row.published !== null),
    rating: row.published?.rating ?? mine?.rating ?? null,
    publishedRating: row.published?.rating ?? null,
    myStatus: mine?.status ?? null,
    assignee: row.assignee,
    commentCount: row._count.comments,
    needsRecheck:
      (row.published?.needsRecheck ?? false) || row.verdicts.some((v) => v.needsRecheck),
    checkworthiness: row.checkworthiness,
  };
}

export async function listSentenceStates(options: {
  userId: string;
  articleId: string;
}): Promise<z.output<typeof sentenceStatesDto>['states']> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      sentences: { where: checkableSentences, select: summarySelect },
    },
  });
  if (!article) throw notFound('article');
  const states: Record<string, SentenceSummary> = {};
  for (const sentence of article.sentences)
    states[sentence.id] = summarize(sentence, options.userId);
  return states;
}
