// Control notices on the live channel, beside the change notices of lib/server/audit: they
// carry a `kind` (change notices have none, so their payload and the stream events made from
// them stay as they were) and address streams rather than articles. Every instance hears every
// notice; the one holding the stream acts on it. Sent with NOTIFY inside the caller's
// transaction, so they are delivered on commit only, in commit order with the changes.
import 'server-only';
import type { Tx } from '@/lib/db';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';

export type CloseReason = 'too_many_streams' | 'membership';

export type ControlNotice =
  /** Close these streams (their rows are already deleted), telling the client why. */
  | { kind: 'connection.close'; connectionIds: string[]; reason: CloseReason }
  /** The user is no longer a member of the team: close their streams on its articles. */
  | { kind: 'member.remove'; teamId: string; userId: string };

/** NOTIFY payloads are limited to 8000 bytes: at most this many connection ids per notice. */
const IDS_PER_NOTICE = 100;

export function isControlNotice(payload: unknown): payload is ControlNotice {
  if (typeof payload !== 'object' || payload === null) return false;
  const notice = payload as Record<string, unknown>;
  if (notice.kind === 'connection.close') {
    return (
      Array.isArray(notice.connectionIds) &&
      (notice.reason === 'too_many_streams' || notice.reason === 'membership')
    );
  }
  return (
    notice.kind === 'member.remove' &&
    typeof notice.teamId === 'string' &&
    typeof notice.userId === 'string'
  );
}

async function notifyControl(tx: Pick<Tx, '$executeRaw'>, notice: ControlNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)}::text)`;
}

export async function notifyConnectionsClosed(
  tx: Pick<Tx, '$executeRaw'>,
  connectionIds: string[],
  reason: CloseReason,
): Promise<void> {
  for (let i = 0; i < connectionIds.length; i += IDS_PER_NOTICE) {
    const chunk = connectionIds.slice(i, i + IDS_PER_NOTICE);
    await notifyControl(tx, { kind: 'connection.close', connectionIds: chunk, reason });
  }
}

/** Call in the transaction that deletes the membership (removal or leaving). */
export async function notifyMemberRemoved(
  tx: Pick<Tx, '$executeRaw'>,
  member: { teamId: string; userId: string },
): Promise<void> {
  await notifyControl(tx, { kind: 'member.remove', teamId: member.teamId, userId: member.userId });
}
