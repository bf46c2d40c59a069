// Audit events are written inside the caller's transaction, so a change never lands without
// its record (and a record never exists for a change that rolled back). An event placed in an
// article is also announced with NOTIFY on the same transaction: PostgreSQL delivers it on
// commit only, to every app instance listening (lib/server/live), which feeds the live streams.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';
import { claimIdempotencyKey } from '@/lib/server/idempotency';

export const LIVE_CHANNEL = 'factdesk_events';

export type AuditEntity =
  | 'user'
  | 'team'
  | 'membership'
  | 'invitation'
  | 'token'
  | 'article'
  | 'sentence'
  | 'annotation'
  | 'verdict'
  | 'comment';

export interface AuditInput {
  /** Null only for the record of a team's or an account's deletion, which outlives the team. */
  teamId: string | null;
  actorId: string | null;
  action: string;
  entityType: AuditEntity;
  entityId: string;
  /** Where the change happened, for history panels and live streams. */
  articleId?: string | null;
  sentenceId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  // A write sent with an Idempotency-Key claims it here, in its own transaction.
  await claimIdempotencyKey(tx, event.actorId);
  const row = await tx.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      articleId: event.articleId ?? null,
      sentenceId: event.sentenceId ?? null,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
    select: { id: true },
  });
  if (event.articleId) {
    await notifyChange(tx, {
      eventId: row.id.toString(),
      articleId: event.articleId,
      sentenceId: event.sentenceId ?? null,
      type: event.action,
      entity: event.entityType,
      id: event.entityId,
      actorId: event.actorId,
    });
  }
}

export interface ChangeNotice {
  eventId: string | null;
  articleId: string;
  sentenceId: string | null;
  type: string;
  entity: string;
  id: string;
  actorId: string | null;
}

/** NOTIFY with the actor's name looked up in the same statement; sent when `tx` commits. */
export async function notifyChange(
  tx: Pick<Tx, '$executeRaw'>,
  notice: ChangeNotice,
): Promise<void> {
  await tx.$executeRaw`
    SELECT pg_notify(${LIVE_CHANNEL}, json_build_object(
      'eventId', ${notice.eventId}::text,
      'articleId', ${notice.articleId}::text,
      'sentenceId', ${notice.sentenceId}::text,
      'type', ${notice.type}::text,
      'entity', ${notice.entity}::text,
      'id', ${notice.id}::text,
      'actor', (SELECT json_build_object('id', u.id, 'name', u.name)
                FROM users u WHERE u.id = ${notice.actorId}::uuid)
    )::text)`;
}
