// Who has an article open: one row per live stream in `article_viewers`, so every app instance
// reads the same list. A stream's row is written when it opens (with the membership check and
// the per-user cap, in one transaction), refreshed by its process's batched heartbeat and
// removed when it closes; joins and leaves are announced on the live channel like any change.
// The queries here are what each process runs for all its streams at once (local-streams.ts).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { prisma } from '@/lib/db';
import { notifyChange } from '@/lib/server/audit/record-audit';
import { notifyConnectionsClosed } from './notices';
import { MAX_STREAMS_PER_USER, PRESENCE_TTL_MS, STALE_AFTER_MS } from './settings';

export interface Viewer {
  id: string;
  name: string;
}

/** Statements run so far by this process, for tests and diagnostics. */
export const presenceQueryCounts = { listViewers: 0, heartbeat: 0 };

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (time first, then a per-millisecond sequence): connection ids sort by opening time,
 * which is how a user's oldest streams are found without another column.
 */
export function newConnectionId(): string {
  const now = Date.now();
  sequence = now === lastMs ? (sequence + 1) & 0xfff : 0;
  lastMs = now;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Writes the stream's row if the user is (still) a member of the article's team, and closes the
 * user's oldest streams beyond MAX_STREAMS_PER_USER, on any instance (their rows are deleted and
 * a notice tells the instance holding them). `joined: false` when the user is not a member.
 */
export async function joinArticle(options: {
  connectionId: string;
  articleId: string;
  userId: string;
}): Promise<{ joined: boolean }> {
  const { connectionId, articleId, userId } = options;
  return prisma.$transaction(async (tx) => {
    // One user's joins queue here (across instances), so a burst of tabs cannot overshoot.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`factdesk.live:${userId}`}::text, 0))`;
    const inserted = await tx.$executeRaw`
      INSERT INTO article_viewers (connection_id, article_id, user_id, last_seen)
      SELECT ${connectionId}::uuid, a.id, ${userId}::uuid, now()
      FROM articles a
      WHERE a.id = ${articleId}::uuid
        AND EXISTS (SELECT 1 FROM memberships m
                    WHERE m.team_id = a.team_id AND m.user_id = ${userId}::uuid)`;
    if (inserted === 0) return { joined: false };
    // Keep the new stream and the newest live others; rows nobody refreshes go first.
    const closed = await tx.$queryRaw<{ connection_id: string; article_id: string }[]>`
      DELETE FROM article_viewers
      WHERE connection_id IN (
        SELECT connection_id FROM article_viewers
        WHERE user_id = ${userId}::uuid AND connection_id <> ${connectionId}::uuid
        ORDER BY last_seen > now() - ${PRESENCE_TTL_MS}::integer * interval '1 millisecond' DESC,
                 connection_id DESC
        OFFSET ${MAX_STREAMS_PER_USER - 1}::integer)
      RETURNING connection_id::text, article_id::text`;
    await notifyChange(tx, presenceNotice(articleId, userId, 'presence.join'));
    if (closed.length > 0) {
      await notifyConnectionsClosed(
        tx,
        closed.map((row) => row.connection_id),
        'too_many_streams',
      );
      const elsewhere = new Set(closed.map((row) => row.article_id));
      elsewhere.delete(articleId);
      for (const other of elsewhere) {
        await notifyChange(tx, presenceNotice(other, userId, 'presence.leave'));
      }
    }
    return { joined: true };
  });
}

export async function leaveArticle(options: {
  connectionId: string;
  articleId: string;
  userId: string;
}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.articleViewer.deleteMany({ where: { connectionId: options.connectionId } });
    await notifyChange(tx, presenceNotice(options.articleId, options.userId, 'presence.leave'));
  });
}

/**
 * The heartbeat of all of one process's streams: refreshes their rows and says, for each row
 * still there, whether its user is still a member of the article's team. A connection id
 * missing from the answer has no row any more.
 */
export async function touchViewers(
  connectionIds: string[],
): Promise<{ connectionId: string; isMember: boolean }[]> {
  presenceQueryCounts.heartbeat++;
  const rows = await prisma.$queryRaw<{ connection_id: string; is_member: boolean }[]>`
    UPDATE article_viewers v SET last_seen = now()
    WHERE v.connection_id = ANY(${connectionIds}::uuid[])
    RETURNING v.connection_id::text AS connection_id,
      EXISTS (SELECT 1 FROM articles a
              JOIN memberships m ON m.team_id = a.team_id AND m.user_id = v.user_id
              WHERE a.id = v.article_id) AS is_member`;
  return rows.map((row) => ({ connectionId: row.connection_id, isMember: row.is_member }));
}

/** Rows of streams that never said goodbye (their instance crashed). */
export async function deleteStaleViewers(): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM article_viewers
    WHERE last_seen < now() - ${STALE_AFTER_MS}::integer * interval '1 millisecond'`;
}

/** Members of the article's team whose stream on it is alive, by name. */
export async function listViewers(articleId: string): Promise<Viewer[]> {
  presenceQueryCounts.listViewers++;
  const rows = await prisma.$queryRaw<Viewer[]>`
    SELECT u.id::text AS id, u.name FROM users u
    WHERE u.id IN (
      SELECT v.user_id FROM article_viewers v
      JOIN articles a ON a.id = v.article_id
      JOIN memberships m ON m.team_id = a.team_id AND m.user_id = v.user_id
      WHERE v.article_id = ${articleId}::uuid
        AND v.last_seen > now() - ${PRESENCE_TTL_MS}::integer * interval '1 millisecond')`;
  return rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

function presenceNotice(articleId: string, userId: string, type: string) {
  return {
    eventId: null,
    articleId,
    sentenceId: null,
    type,
    entity: 'presence',
    id: userId,
    actorId: userId,
  };
}
