// Inter-rater agreement on an article: Krippendorff's alpha (nominal) and raw agreement over
// the sentences rated by at least two members, plus the disputed sentences. A member's rating
// counts once they submitted it (submitted, approved or sent back); drafts are private.
import 'server-only';
import { prisma } from '@/lib/db';
import { nominalAgreement } from '@/lib/agreement/krippendorff';
import type { ReportAgreement } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { sentenceState, type VerdictStatus } from '@/lib/workflow/sentence-state';

export const agreementSentenceSelect = {
  id: true,
  published: { select: { sentenceId: true } },
  verdicts: { select: { rating: true, status: true } },
} as const;

export interface AgreementSentence {
  id: string;
  published: { sentenceId: string } | null;
  verdicts: { rating: string; status: VerdictStatus }[];
}

export function agreementOf(sentences: readonly AgreementSentence[]): ReportAgreement {
  const units = sentences.map((s) =>
    s.verdicts.filter((v) => v.status !== 'draft').map((v) => v.rating),
  );
  const { alpha, percentAgreement, ratedUnits } = nominalAgreement(units);
  return {
    alpha,
    percentAgreement,
    ratedSentences: ratedUnits,
    disputed: sentences
      .filter((s) => sentenceState(s.verdicts, s.published !== null) === 'disputed')
      .map((s) => s.id),
  };
}

export async function getAgreement(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      sentences: {
        where: { kind: 'sentence' },
        orderBy: { index: 'asc' },
        select: agreementSentenceSelect,
      },
    },
  });
  if (!article) throw notFound('Article');
  return agreementOf(article.sentences);
}
