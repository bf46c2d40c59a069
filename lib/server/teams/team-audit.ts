// The team's audit trail, newest first, for its owners: every audited change in the team, as
// the caller may read it (teammates' drafts and deleted comments' texts left out:
// lib/server/audit/redact.ts — owners included).
import 'server-only';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { redactAuditEvents } from '@/lib/server/audit/redact';
import { auditQuerySchema } from '@/lib/validations/team';

const PAGE_SIZE = 100;

export async function listTeamAudit(options: { userId: string; teamId: string; query: unknown }) {
  const { before } = auditQuerySchema.parse(options.query ?? {});
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  requirePermission(membership ?? undefined, 'audit.read', 'Rédaction');
  const events = await prisma.auditEvent.findMany({
    where: { teamId: options.teamId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      articleId: true,
      sentenceId: true,
      at: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = await redactAuditEvents(events.slice(0, PAGE_SIZE), options.userId);
  return {
    team: membership!.team,
    events: page.map((event) => ({
      id: event.id.toString(),
      actor: event.actor,
      action: event.action,
      entity: event.entityType,
      entityId: event.entityId,
      articleId: event.articleId,
      sentenceId: event.sentenceId,
      at: event.at.toISOString(),
      before: event.before,
      after: event.after,
    })),
    nextBefore: events.length > PAGE_SIZE ? page.at(-1)!.id.toString() : null,
  };
}
