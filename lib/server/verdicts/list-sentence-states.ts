// Per sentence of an article, what the reader shows at a glance: its review state, the rating
// that colours it (the published verdict, else my own), my verdict's status, its assignee.
import 'server-only';
import { prisma } from '@/lib/db';
import type { Rating } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import {
  sentenceState,
  type SentenceState,
  type VerdictStatus,
} from '@/lib/workflow/sentence-state';

export interface SentenceSummary {
  state: SentenceState;
  /** The colour: the published verdict's rating, else my own verdict's. */
  rating: Rating | null;
  publishedRating: Rating | null;
  myStatus: VerdictStatus | null;
  assignee: { id: string; name: string } | null;
  commentCount: number;
}

export const summarySelect = {
  id: true,
  published: { select: { rating: true } },
  verdicts: { select: { authorId: true, rating: true, status: true } },
  assignee: { select: { id: true, name: true } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const;

export interface SummaryRow {
  id: string;
  published: { rating: Rating } | null;
  verdicts: { authorId: string; rating: Rating; status: VerdictStatus }[];
  assignee: { id: string; name: string } | null;
  _count: { comments: number };
}

export function summarize(row: SummaryRow, userId: string): SentenceSummary {
  const mine = row.verdicts.find((v) => v.authorId === userId) ?? null;
  return {
    state: sentenceState(row.verdicts, row.published !== null),
    rating: row.published?.rating ?? mine?.rating ?? null,
    publishedRating: row.published?.rating ?? null,
    myStatus: mine?.status ?? null,
    assignee: row.assignee,
    commentCount: row._count.comments,
  };
}

export async function listSentenceStates(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: { sentences: { where: { kind: 'sentence' }, select: summarySelect } },
  });
  if (!article) throw notFound('Article');
  const states: Record<string, SentenceSummary> = {};
  for (const sentence of article.sentences)
    states[sentence.id] = summarize(sentence, options.userId);
  return states;
}
