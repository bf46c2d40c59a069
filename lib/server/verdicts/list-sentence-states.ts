// Per sentence of an article: the rating shown as its colour (mine first, else the latest
// teammate's), how many verdicts it has, and whether it counts as verified.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import type { Rating } from '@/lib/reports';

export interface SentenceState {
  rating: Rating | null;
  verdictCount: number;
  verified: boolean;
}

export async function listSentenceStates(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      sentences: {
        where: { verdicts: { some: {} } },
        select: {
          id: true,
          verdicts: {
            orderBy: { updatedAt: 'desc' },
            select: { authorId: true, rating: true, _count: { select: { sources: true } } },
          },
        },
      },
    },
  });
  if (!article) throw notFound('Article');
  const states: Record<string, SentenceState> = {};
  for (const sentence of article.sentences) {
    const mine = sentence.verdicts.find((v) => v.authorId === options.userId);
    const shown = mine ?? sentence.verdicts[0];
    states[sentence.id] = {
      rating: (shown?.rating as Rating | undefined) ?? null,
      verdictCount: sentence.verdicts.length,
      verified: sentence.verdicts.some((v) => v._count.sources > 0),
    };
  }
  return states;
}
