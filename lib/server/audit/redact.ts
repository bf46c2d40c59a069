// What of the audit trail a member may read, in one place for every reader (sentence history,
// team journal) and for the writer that scrubs a deleted comment. Two rules:
//
// - A verdict's content (rating, rationale, sources…) is its author's alone while it is a
//   draft, so ratings are given independently. An event side that recorded a draft state is
//   redacted for everyone else for good, even after the verdict is submitted: the submitted
//   content is visible through the submit event's own `after`, and a draft the author changed
//   before submitting was never meant to be read. Only its facts stay (`status`, `version`).
// - A deleted comment keeps the fact of its events (who, when, kind) but none of its text, in
//   any of its events. deleteComment scrubs the stored payloads in its transaction (nothing
//   deleted stays in the database); readers redact again, in case a row escaped the scrub.
//
// A redacted side keeps only its fact fields and says `redacted: true`.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';

type Json = Prisma.JsonValue;

/** What a redacted verdict side keeps: the rest (rating, rationale, sources…) is content. */
const VERDICT_FACTS = ['status', 'version'] as const;
/** What a deleted comment's event sides keep: the rest (its body) is content. */
const COMMENT_FACTS = ['parentId', 'annotationId', 'version', 'deleted'] as const;
const REDACTED = 'redacted';

/**
 * Whether `viewerId` may read this verdict's content: always its author, everyone else once it
 * left the draft state. The sentence panel, the review actions and the audit readers use this.
 */
export function isVisibleVerdict(
  verdict: { status: string; authorId: string | null },
  viewerId: string,
): boolean {
  return verdict.status !== 'draft' || (verdict.authorId !== null && verdict.authorId === viewerId);
}

function isRecord(value: Json | undefined): value is Prisma.JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The side with only `facts` kept, marked redacted; unchanged when it held nothing else. */
function keepFacts(side: Json, facts: readonly string[]): Json {
  if (side === null) return null;
  if (!isRecord(side)) return { [REDACTED]: true };
  const kept: Prisma.JsonObject = {};
  let dropped = false;
  for (const [key, value] of Object.entries(side)) {
    if (key === REDACTED || facts.includes(key)) kept[key] = value;
    else dropped = true;
  }
  return dropped ? { ...kept, [REDACTED]: true } : side;
}

function verdictSide(side: Json, authorId: string | null, viewerId: string): Json {
  if (side === null) return null;
  // A side that does not say it left the draft state is treated as a draft.
  const status = isRecord(side) && typeof side.status === 'string' ? side.status : 'draft';
  return isVisibleVerdict({ status, authorId }, viewerId) ? side : keepFacts(side, VERDICT_FACTS);
}

/** A deleted comment's event side without its text. */
function commentSideWithoutText(side: Json): Json {
  return keepFacts(side, COMMENT_FACTS);
}

interface StoredEvent {
  entityType: string;
  entityId: string;
  before: Json;
  after: Json;
}

/**
 * Audit events as `viewerId` may read them: teammates' draft states and deleted comments'
 * texts left out (see the header). Looks up the verdicts' authors and which comments are
 * deleted in two queries; a verdict or comment that no longer exists is redacted for everyone.
 */
export async function redactAuditEvents<T extends StoredEvent>(
  events: T[],
  viewerId: string,
): Promise<T[]> {
  const idsOf = (type: string) => [
    ...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId)),
  ];
  const verdictIds = idsOf('verdict');
  const commentIds = idsOf('comment');
  const [verdicts, comments] = await Promise.all([
    verdictIds.length > 0
      ? prisma.verdict.findMany({
          where: { id: { in: verdictIds } },
          select: { id: true, authorId: true },
        })
      : [],
    commentIds.length > 0
      ? prisma.comment.findMany({
          where: { id: { in: commentIds }, deletedAt: null },
          select: { id: true },
        })
      : [],
  ]);
  const authorOf = new Map(verdicts.map((v) => [v.id, v.authorId]));
  const liveComments = new Set(comments.map((c) => c.id));
  return events.map((event) => {
    if (event.entityType === 'verdict') {
      const authorId = authorOf.get(event.entityId) ?? null;
      return {
        ...event,
        before: verdictSide(event.before, authorId, viewerId),
        after: verdictSide(event.after, authorId, viewerId),
      };
    }
    if (event.entityType === 'comment' && !liveComments.has(event.entityId)) {
      return {
        ...event,
        before: commentSideWithoutText(event.before),
        after: commentSideWithoutText(event.after),
      };
    }
    return event;
  });
}

/**
 * Removes a comment's text from every stored event of it (its creation and edits), in the
 * transaction that deletes it: one statement, whatever the number of edits.
 */
export async function scrubDeletedComment(tx: Tx, commentId: string): Promise<void> {
  const events = await tx.auditEvent.findMany({
    where: { entityType: 'comment', entityId: commentId },
    select: { id: true, before: true, after: true },
  });
  const changed = events
    .map((event) => ({
      id: event.id.toString(),
      before: commentSideWithoutText(event.before),
      after: commentSideWithoutText(event.after),
      was: event,
    }))
    .filter((e) => e.before !== e.was.before || e.after !== e.was.after)
    .map(({ id, before, after }) => ({ id, before, after }));
  if (changed.length === 0) return;
  await tx.$executeRaw`
    UPDATE audit_events a
       SET before = u.before, after = u.after
      FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb)
        AS u(id bigint, before jsonb, after jsonb)
     WHERE a.id = u.id`;
}
