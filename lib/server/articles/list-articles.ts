// The articles of every team the user belongs to, with their checking progress.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { checkableSentences, verifiedSentences } from '@/lib/server/sentences/checkable';

export async function listArticles(options: { userId: string }) {
  const articles = await prisma.article.findMany({
    where: articleOfMember(options.userId),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      teamId: true,
      title: true,
      language: true,
      partial: true,
      createdAt: true,
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
    createdAt: article.createdAt.toISOString(),
    sentenceCount: article._count.sentences,
    checkedCount: checkedByArticle.get(article.id) ?? 0,
  }));
}
