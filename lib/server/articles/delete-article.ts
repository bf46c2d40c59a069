// Deletes an article for good (editors and owners of its team). A hard delete: its units,
// highlights, verdicts, published verdicts, sources, comments, revisions, viewers and jobs (PDF
// reports and their files included) go with it through the foreign keys' ON DELETE CASCADE,
// and so does its search index (a column of its sentences). Nothing of it stays readable: every
// route about it answers 404 afterwards.
//
// The team's journal keeps the facts of its history (who did what, when: the rows of its audit
// events, whose article id is a plain column), but not its content: the stored before/after of
// those events are replaced by `{"redacted": true}` in the same transaction (the convention of
// lib/server/audit/redact.ts). The deletion itself is recorded as `article.deleted` with the
// article's id and title only; it is also what the article's open live streams receive.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { notFound } from '@/lib/server/errors';

export async function deleteArticle(options: { userId: string; articleId: string }) {
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: { id: true, teamId: true, title: true, ...myMembership(options.userId) },
    });
    if (!article) throw notFound('article');
    requirePermission(article.team.memberships[0], 'article.delete');

    // Waits for a correction or a rename in progress (they hold FOR NO KEY UPDATE); one that
    // starts afterwards finds no article. A worker's job on it loses its row and ends quietly.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM articles WHERE id = ${article.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound('article'); // deleted meanwhile

    await redactArticleEvents(tx, article.id);
    await tx.article.delete({ where: { id: article.id } });
    await recordAudit(tx, {
      teamId: article.teamId,
      articleId: article.id,
      actorId: options.userId,
      action: 'article.deleted',
      entityType: 'article',
      entityId: article.id,
      before: { id: article.id, title: article.title },
    });
    return { id: article.id, deleted: true as const };
  });
}

/** The article's audit events keep their facts, not their content (see the header). */
async function redactArticleEvents(tx: Pick<Tx, '$executeRaw'>, articleId: string) {
  await tx.$executeRaw`
    UPDATE audit_events
       SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"redacted": true}'::jsonb END,
           after = CASE WHEN after IS NULL THEN NULL ELSE '{"redacted": true}'::jsonb END
     WHERE article_id = ${articleId}::uuid`;
}
