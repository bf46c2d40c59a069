// Who has an article open: one row per live stream, refreshed by the stream's heartbeat and
// removed when it closes, so every app instance reads the same list. Changes are announced on
// the live channel like any other change.
import 'server-only';
import { prisma } from '@/lib/db';
import { notifyChange } from '@/lib/server/audit/record-audit';

/** A viewer is present while their stream's heartbeat is fresher than this. */
const PRESENCE_TTL_MS = 45_000;

export async function joinArticle(options: {
  connectionId: string;
  articleId: string;
  userId: string;
}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // Streams of crashed instances never said goodbye.
    await tx.articleViewer.deleteMany({
      where: { lastSeen: { lt: new Date(Date.now() - 4 * PRESENCE_TTL_MS) } },
    });
    await tx.articleViewer.create({ data: options });
    await notifyChange(tx, presenceNotice(options.articleId, options.userId, 'presence.join'));
  });
}

export async function touchPresence(connectionId: string): Promise<void> {
  await prisma.articleViewer.updateMany({
    where: { connectionId },
    data: { lastSeen: new Date() },
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

export async function listViewers(articleId: string) {
  const rows = await prisma.articleViewer.findMany({
    where: { articleId, lastSeen: { gt: new Date(Date.now() - PRESENCE_TTL_MS) } },
    distinct: ['userId'],
    orderBy: { userId: 'asc' },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((row) => row.user).sort((a, b) => a.name.localeCompare(b.name));
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
