// Audit events are written inside the caller's transaction, so a change never lands without
// its record (and a record never exists for a change that rolled back).
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';

export interface AuditInput {
  teamId: string;
  actorId: string | null;
  action: string;
  entityType: 'user' | 'team' | 'membership' | 'article' | 'annotation' | 'verdict';
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
  });
}
