// The articles of every team the user belongs to, with their checking progress: for the
// articles page (with the team's name) and, as articleListDto says, for the API.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { checkableSentences, verifiedSentences } from '@/lib/server/sentences/checkable';
import type { articleListDto, articleSummaryDto } from '@/lib/validations/dto/article';

export type ArticleListItem = z.output<typeof articleSummaryDto> & { teamName: string };

export async function listArticles(options: { userId: string }): Promise<ArticleListItem[]> {
  const articles = await prisma.article.findMany({
    where: articleOfMember(options.userId),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      teamId: true,
      title: true,
      language: true,
      partial: true,
      team: { select: { name: true } },
      _count: { select: { sentences: { where: checkableSentences } } },
    },
  });
  const checked = await prisma.sentence.groupBy({
    by: ['articleId'],
    where: { articleId: { in: articles.map((a) => a.id) }, ...verifiedSentences },
    _count: { _all: true },
  });
  const checkedByArticle = new Map(checked.map((row) => [row.articleId, row._count._all]));
  return articles.map((article) => ({
    id: article.id,
    teamId: article.teamId,
    teamName: article.team.name,
    title: article.title,
    language: article.language,
    partial: article.partial,
    sentenceCount: article._count.sentences,
    checkedCount: checkedByArticle.get(article.id) ?? 0,
  }));
}

/** GET /api/v1/articles: the list without what only the page shows. */
export function articleListResponse(articles: ArticleListItem[]): z.output<typeof articleListDto> {
  return {
    articles: articles.map((article) => ({
      id: article.id,
      teamId: article.teamId,
      title: article.title,
      language: article.language,
      partial: article.partial,
      sentenceCount: article.sentenceCount,
      checkedCount: article.checkedCount,
    })),
  };
}
