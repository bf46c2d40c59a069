// One article with its current units (sentences, headings, paywall notices) and their
// check-worthiness, for a member of its team. Units a revision removed are listed apart, with
// how many verdicts they still carry: nothing is dropped.
import 'server-only';
import type { z } from 'zod';
import type { articleDto } from '@/lib/validations/dto/article';
import { prisma } from '@/lib/db';
import { articleOfMember, myMembership } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { storedTriageReasons } from '@/lib/server/sentences/triage-reasons';

export async function getArticle(options: { userId: string; articleId: string }) {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      id: true,
      teamId: true,
      title: true,
      language: true,
      text: true,
      partial: true,
      version: true,
      sourceUrl: true,
      publisher: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      ...myMembership(options.userId),
      sentences: {
        orderBy: { index: 'asc' },
        select: {
          id: true,
          index: true,
          start: true,
          end: true,
          kind: true,
          text: true,
          checkworthiness: true,
          checkworthinessReasons: true,
          retiredAt: true,
          _count: { select: { verdicts: true, comments: true } },
        },
      },
      _count: { select: { revisions: true } },
    },
  });
  if (!article) throw notFound('article');
  const { team, sentences, _count, ...rest } = article;
  const current = sentences.filter((s) => s.retiredAt === null);
  const retired = sentences.filter((s) => s.retiredAt !== null);
  return {
    ...rest,
    teamName: team.name,
    myRole: team.memberships[0]?.role ?? null,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    revisionCount: _count.revisions,
    sentences: current.map((s) => ({
      id: s.id,
      index: s.index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      text: s.text,
      checkworthiness: s.checkworthiness,
      checkworthinessReasons: storedTriageReasons(s.checkworthinessReasons),
    })),
    /** Units removed by a revision that still carry verdicts or comments. */
    retiredSentences: retired
      .filter((s) => s._count.verdicts + s._count.comments > 0)
      .map((s) => ({
        id: s.id,
        text: s.text,
        retiredAt: s.retiredAt!.toISOString(),
        verdictCount: s._count.verdicts,
        commentCount: s._count.comments,
      })),
  };
}

export type ArticleDetail = Awaited<ReturnType<typeof getArticle>>;

/** The article as the API answers it (GET, and POST after an import). */
export function articleResponse(article: ArticleDetail): z.output<typeof articleDto> {
  return {
    id: article.id,
    teamId: article.teamId,
    title: article.title,
    language: article.language,
    text: article.text,
    partial: article.partial,
    version: article.version,
    sourceUrl: article.sourceUrl,
    publisher: article.publisher,
    author: article.author,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    revisionCount: article.revisionCount,
    sentences: article.sentences,
    retiredSentences: article.retiredSentences,
  };
}
