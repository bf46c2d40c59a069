// One article with its units, for a member of its team.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember, myMembership } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';

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
      publishedAt: true,
      createdAt: true,
      ...myMembership(options.userId),
      sentences: {
        orderBy: { index: 'asc' },
        select: { id: true, index: true, start: true, end: true, kind: true, text: true },
      },
    },
  });
  if (!article) throw notFound('Article');
  const { team, ...rest } = article;
  return {
    ...rest,
    teamName: team.name,
    myRole: team.memberships[0]?.role ?? null,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
  };
}

export type ArticleDetail = Awaited<ReturnType<typeof getArticle>>;
