// A sentence as the side panel and the API show it: its text and assignee, its review state,
// the highlights touching it, the verdicts (a teammate's draft stays private to its author, so
// ratings are given independently), the published verdict and the comments, and whether the
// caller may settle its dispute (the rule of lib/server/verdicts/adjudication.ts).
import 'server-only';
import { listSourceArchives } from '@/lib/server/sources/snapshots';
import type { z } from 'zod';
import type { sentenceDetailDto } from '@/lib/validations/dto/sentence';
import { prisma } from '@/lib/db';
import { can } from '@/lib/permissions';
import { articleOfMember, myMembership } from '@/lib/server/access';
import { isVisibleVerdict } from '@/lib/server/audit/redact';
import { notFound } from '@/lib/server/errors';
import { storedTriageReasons } from '@/lib/server/sentences/triage-reasons';
import { annotationSelect, serializeAnnotation } from '@/lib/server/annotations/serialize';
import { commentSelect, serializeComment } from '@/lib/server/comments/serialize';
import { adjudicationRight, isPartyTo } from '@/lib/server/verdicts/adjudication';
import { publishedSelect, serializePublished } from '@/lib/server/verdicts/serialize';
import { serializeVerdict, verdictSelect } from '@/lib/server/verdicts/serialize';
import { summarize, summarySelect } from '@/lib/server/verdicts/list-sentence-states';

export type SentenceDetail = z.output<typeof sentenceDetailDto>;

export async function getSentence(options: {
  userId: string;
  sentenceId: string;
}): Promise<SentenceDetail> {
  const row = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: {
      ...summarySelect,
      articleId: true,
      index: true,
      start: true,
      end: true,
      kind: true,
      text: true,
      checkworthinessReasons: true,
      retiredAt: true,
      article: {
        select: {
          team: {
            select: {
              ...myMembership(options.userId).team.select,
              allowPartyAdjudication: true,
            },
          },
        },
      },
      annotations: {
        orderBy: { annotation: { positionStart: 'asc' } },
        select: { annotation: { select: annotationSelect } },
      },
      verdicts: { orderBy: { createdAt: 'asc' }, select: { ...verdictSelect, authorId: true } },
      published: { select: { ...publishedSelect, rating: true } },
      comments: { orderBy: { createdAt: 'asc' }, select: commentSelect },
    },
  });
  if (!row) throw notFound('sentence');
  const summary = summarize(row, options.userId);
  const visible = row.verdicts.filter((v) => isVisibleVerdict(v, options.userId));
  const myRole = row.article.team.memberships[0]?.role ?? null;
  const disputed = summary.state === 'disputed';
  const adjudication = adjudicationRight({
    disputed,
    role: myRole,
    // Asked only when it matters: a disputed sentence and a role that settles disputes.
    isParty:
      disputed && can(myRole, 'dispute.resolve')
        ? await isPartyTo(prisma, { sentenceId: row.id, userId: options.userId })
        : false,
    allowPartyAdjudication: row.article.team.allowPartyAdjudication,
  });
  const verdicts = visible.map(serializeVerdict);
  const finalVerdict = row.published ? serializePublished(row.published) : null;
  const archives = await listSourceArchives({
    articleId: row.articleId,
    urls: [...verdicts, ...(finalVerdict ? [finalVerdict] : [])].flatMap((v) =>
      v.sources.map((source) => source.url),
    ),
  });
  return {
    sentence: {
      id: row.id,
      articleId: row.articleId,
      index: row.index,
      start: row.start,
      end: row.end,
      kind: row.kind,
      text: row.text,
      assignee: row.assignee,
      checkworthiness: row.checkworthiness,
      checkworthinessReasons: storedTriageReasons(row.checkworthinessReasons),
      /** Removed from the text by a revision (kept with its verdicts). */
      retired: row.retiredAt !== null,
    },
    state: summary.state,
    summary,
    myRole,
    /** The caller may settle the sentence's dispute now (an editor or owner, not a party…). */
    canResolve: adjudication.canResolve,
    /** Why the caller may not settle the dispute; null when it is not disputed or they may. */
    resolveRefusal: adjudication.resolveRefusal,
    highlights: row.annotations.map((link) => serializeAnnotation(link.annotation)),
    verdicts,
    finalVerdict,
    comments: row.comments.map(serializeComment),
    archives,
  };
}
