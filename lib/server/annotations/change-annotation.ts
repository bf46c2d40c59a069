// Changing a highlight's note, or deleting the highlight: its author, or an editor or owner.
// Optimistic concurrency on `version`: a stale change gets 409 with the current highlight.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { can } from '@/lib/permissions';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { deleteAnnotationSchema, updateAnnotationSchema } from '@/lib/validations/annotation';
import { annotationSelect, serializeAnnotation } from './serialize';

interface ChangeOptions {
  userId: string;
  annotationId: string;
  input: unknown;
}

export async function updateAnnotation(options: ChangeOptions) {
  const data = updateAnnotationSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    const { row, teamId } = await loadForChange(tx, options);
    const updated = await tx.annotation.updateMany({
      where: { id: row.id, version: data.version },
      data: { note: data.note, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleAnnotation(tx, row.id);
    const after = serializeAnnotation(
      await tx.annotation.findUniqueOrThrow({ where: { id: row.id }, select: annotationSelect }),
    );
    await recordAudit(tx, {
      teamId,
      articleId: row.articleId,
      sentenceId: after.sentenceIds[0] ?? null,
      actorId: options.userId,
      action: 'annotation.update',
      entityType: 'annotation',
      entityId: row.id,
      before: { note: row.note, version: row.version },
      after: { note: after.note, version: after.version },
    });
    return after;
  });
}

export async function deleteAnnotation(options: ChangeOptions) {
  const { version } = deleteAnnotationSchema.parse(options.input ?? {});
  return prisma.$transaction(async (tx) => {
    const { row, teamId } = await loadForChange(tx, options);
    const before = serializeAnnotation(row);
    const deleted = await tx.annotation.deleteMany({
      where: { id: row.id, ...(version !== undefined ? { version } : {}) },
    });
    if (deleted.count !== 1) throw await staleAnnotation(tx, row.id);
    await recordAudit(tx, {
      teamId,
      articleId: row.articleId,
      sentenceId: before.sentenceIds[0] ?? null,
      actorId: options.userId,
      action: 'annotation.delete',
      entityType: 'annotation',
      entityId: row.id,
      before: {
        note: before.note,
        sentenceIds: before.sentenceIds,
        selector: before.target.selector,
      },
    });
    return { id: row.id, deleted: true };
  });
}

async function loadForChange(tx: Tx, options: ChangeOptions) {
  const found = await tx.annotation.findFirst({
    where: { id: options.annotationId, article: articleOfMember(options.userId) },
    select: {
      ...annotationSelect,
      articleId: true,
      article: { select: { teamId: true, ...myMembership(options.userId) } },
    },
  });
  if (!found) throw notFound('highlight');
  const { article, ...row } = found;
  const membership = article.team.memberships[0];
  const role = requirePermission(membership, 'annotation.update', 'highlight');
  if (row.author.id !== options.userId && !can(role, 'annotation.moderate')) {
    throw new AppError('forbidden', 'highlightEditForbidden');
  }
  return { row, teamId: article.teamId };
}

async function staleAnnotation(tx: Tx, id: string): Promise<AppError> {
  const current = await tx.annotation.findUnique({ where: { id }, select: annotationSelect });
  if (!current) return notFound('highlight');
  return new AppError('conflict', 'highlightChanged', { current: serializeAnnotation(current) });
}
