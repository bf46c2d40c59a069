// Inter-rater agreement on an article: Krippendorff's alpha (nominal) and raw agreement over
// the sentences rated by at least two members, plus the disputed sentences. The figures count
// every verdict's rating as its author submitted it, before any settlement of the sentence
// (lib/agreement/submitted-ratings.ts): settling a dispute never erases the disagreement it
// settled. Drafts never submitted are private and count nothing. The submissions come from the
// audit trail (`verdict.submit`, written in the submission's transaction, its `after.rating`),
// the settlements from their `sentence.resolve` events; the dispute list from the verdicts as
// they are now.
import 'server-only';
import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { nominalAgreement } from '@/lib/agreement/krippendorff';
import { submittedRatings, type Submission } from '@/lib/agreement/submitted-ratings';
import type { ReportAgreement } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { checkableSentenceSql } from '@/lib/server/sentences/checkable';
import type { agreementDto } from '@/lib/validations/dto/article';
import { isDisputed, type VerdictStatus } from '@/lib/workflow/sentence-state';

/** One sentence as the agreement figures need it. */
export interface AgreementSentence {
  id: string;
  /** Its verdicts as they are now: whether it is disputed. */
  verdicts: { rating: string; status: VerdictStatus }[];
  /** The ratings as submitted, one per member who submitted one (submittedRatings). */
  ratings: string[];
}

export function agreementOf(sentences: readonly AgreementSentence[]): ReportAgreement {
  const { alpha, percentAgreement, ratedUnits } = nominalAgreement(sentences.map((s) => s.ratings));
  return {
    alpha,
    percentAgreement,
    ratedSentences: ratedUnits,
    disputed: sentences.filter((s) => isDisputed(s.verdicts)).map((s) => s.id),
  };
}

interface VerdictRatingRow {
  article_id: string;
  sentence_id: string;
  status: VerdictStatus;
  rating: string;
  submissions: Submission[];
  /** The sentence's first settlement (its audit event id), null when never settled. */
  settled_seq: number | null;
}

/**
 * The checkable sentences of `articleIds` (lib/server/sentences/checkable.ts: a sentence a
 * correction removed counts nowhere, here neither) that carry a verdict, in text order, grouped
 * by article, each with its current verdicts and its ratings as submitted. Sentences without a
 * verdict add no rating pair and cannot be disputed: they are left out. When `userId` is given
 * the query itself checks that they are a member of each article's team (so it can run beside
 * the query that checks access); otherwise the caller already did.
 */
export async function listAgreementSentences(options: {
  articleIds: readonly string[];
  userId?: string;
}): Promise<Map<string, AgreementSentence[]>> {
  if (options.userId !== undefined && !options.userId) {
    throw new AppError('unauthenticated', 'signInRequired');
  }
  const byArticle = new Map<string, AgreementSentence[]>();
  if (options.articleIds.length === 0) return byArticle;
  const member =
    options.userId === undefined
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1
                                 FROM articles a
                                 JOIN memberships m ON m.team_id = a.team_id
                                WHERE a.id = s.article_id AND m.user_id = ${options.userId}::uuid)`;
  const rows = await prisma.$queryRaw<VerdictRatingRow[]>`
    SELECT s.article_id, v.sentence_id, v.status::text AS status, v.rating::text AS rating,
           COALESCE((SELECT json_agg(json_build_object('rating', e.after->>'rating', 'seq', e.id))
                       FROM audit_events e
                      WHERE e.entity_type = 'verdict'
                        AND e.entity_id = v.id
                        AND e.action = 'verdict.submit'
                        AND e.after->>'rating' IS NOT NULL), '[]'::json) AS submissions,
           (SELECT min(e.id)::float8
              FROM audit_events e
             WHERE e.sentence_id = v.sentence_id AND e.action = 'sentence.resolve') AS settled_seq
      FROM verdicts v
      JOIN sentences s ON s.id = v.sentence_id
     WHERE s.article_id = ANY(${[...options.articleIds]}::uuid[])
       AND ${checkableSentenceSql('s')}
       ${member}
     ORDER BY s.article_id, s.index, v.created_at, v.id`;

  // Rows come sentence by sentence: each run of one sentence's rows is one AgreementSentence.
  for (let i = 0; i < rows.length;) {
    const first = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.sentence_id === first.sentence_id) j++;
    const verdicts = rows.slice(i, j);
    const list = byArticle.get(first.article_id) ?? [];
    list.push({
      id: first.sentence_id,
      verdicts: verdicts.map((v) => ({ rating: v.rating, status: v.status })),
      ratings: submittedRatings(verdicts, first.settled_seq),
    });
    byArticle.set(first.article_id, list);
    i = j;
  }
  return byArticle;
}

export async function getAgreement(options: {
  userId: string;
  articleId: string;
}): Promise<z.output<typeof agreementDto>> {
  const [article, sentences] = await Promise.all([
    prisma.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: { id: true },
    }),
    listAgreementSentences({ articleIds: [options.articleId], userId: options.userId }),
  ]);
  if (!article) throw notFound('article');
  const { alpha, percentAgreement, ratedSentences, disputed } = agreementOf(
    sentences.get(options.articleId) ?? [],
  );
  return { alpha, percentAgreement, ratedSentences, disputed };
}
