// Renames an article (the default title is only the first sentence, shortened). Editors and
// owners only; optimistic concurrency on the article's `version`; audited in the same transaction.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { updateArticleSchema } from '@/lib/validations/article';

const summarySelect = { id: true, title: true, version: true, updatedAt: true } as const;

export async function updateArticle(options: {
  userId: string;
  articleId: string;
  input: unknown;
}) {
  const data = updateArticleSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: { ...summarySelect, teamId: true, ...myMembership(options.userId) },
    });
    if (!article) throw notFound('article');
    requirePermission(article.team.memberships[0], 'article.update');

    // The version in the WHERE makes a concurrent writer that read the same version lose.
    const updated = await tx.article.updateMany({
      where: { id: article.id, version: data.version },
      data: { title: data.title, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const current = await tx.article.findUniqueOrThrow({
        where: { id: article.id },
        select: summarySelect,
      });
      throw new AppError('conflict', 'articleChanged', { current });
    }
    const after = await tx.article.findUniqueOrThrow({
      where: { id: article.id },
      select: summarySelect,
    });
    await recordAudit(tx, {
      teamId: article.teamId,
      articleId: article.id,
      actorId: options.userId,
      action: 'article.update',
      entityType: 'article',
      entityId: article.id,
      before: { title: article.title, version: article.version },
      after: { title: after.title, version: after.version },
    });
    return after;
  });
}
