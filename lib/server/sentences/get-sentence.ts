// A sentence as the side panel shows it: its text, the highlights touching it and every
// member's verdict with sources.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { annotationSelect, serializeAnnotation } from '@/lib/server/annotations/serialize';
import { serializeVerdict, verdictSelect } from '@/lib/server/verdicts/serialize';

export async function getSentence(options: { userId: string; sentenceId: string }) {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: {
      id: true,
      articleId: true,
      index: true,
      start: true,
      end: true,
      kind: true,
      text: true,
      annotations: {
        orderBy: { annotation: { positionStart: 'asc' } },
        select: { annotation: { select: annotationSelect } },
      },
      verdicts: { orderBy: { updatedAt: 'desc' }, select: verdictSelect },
    },
  });
  if (!sentence) throw notFound('Phrase');
  const { annotations, verdicts, ...rest } = sentence;
  return {
    sentence: rest,
    highlights: annotations.map((link) => serializeAnnotation(link.annotation)),
    verdicts: verdicts.map(serializeVerdict),
  };
}

export type SentenceDetail = Awaited<ReturnType<typeof getSentence>>;
