// The live stream of an article (Server-Sent Events): one JSON event per committed change
// `{type, entity, id, sentenceId, actor}` with the audit event id as the SSE id, presence
// updates `{type: "presence", viewers}`, and `{type: "resync"}` when this instance may have
// missed changes. A reconnecting client sends Last-Event-ID and gets what it missed replayed.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { ensureListening, subscribe, type LiveNotice } from './hub';
import { joinArticle, leaveArticle, listViewers, touchPresence } from './presence';

const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 500;

export async function openArticleStream(options: {
  userId: string;
  articleId: string;
  lastEventId: string | null;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: { id: true },
  });
  if (!article) throw notFound('Article');
  await ensureListening();

  const presence = { connectionId: randomUUID(), articleId: article.id, userId: options.userId };
  const encoder = new TextEncoder();
  let closed = false;
  let close = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const sendEvent = (data: unknown, id?: string | null) =>
        send(`${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
      const sendPresence = async () =>
        sendEvent({ type: 'presence', viewers: await listViewers(article.id) });

      const unsubscribe = subscribe(article.id, (notice: LiveNotice) => {
        if (notice.entity === 'presence') {
          void sendPresence().catch(() => {});
          return;
        }
        sendEvent(toEvent(notice), notice.eventId);
      });
      const heartbeat = setInterval(() => {
        send(': ping\n\n');
        void touchPresence(presence.connectionId).catch(() => {});
      }, HEARTBEAT_MS);
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        void leaveArticle(presence).catch(() => {});
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      options.signal.addEventListener('abort', close, { once: true });

      send('retry: 2000\n\n');
      // Subscribed before replaying: a change committed meanwhile is sent (maybe twice, which
      // clients tolerate: events only tell them what to refetch), never lost.
      if (options.lastEventId && /^\d+$/.test(options.lastEventId)) {
        const missed = await missedEvents(article.id, BigInt(options.lastEventId));
        for (const event of missed) sendEvent(event.data, event.id);
        if (missed.length === REPLAY_LIMIT) sendEvent({ type: 'resync' });
      }
      await joinArticle(presence);
    },
    cancel() {
      close();
    },
  });
}

function toEvent(notice: LiveNotice) {
  return {
    type: notice.type,
    entity: notice.entity,
    id: notice.id,
    sentenceId: notice.sentenceId,
    actor: notice.actor,
  };
}

async function missedEvents(articleId: string, after: bigint) {
  const events = await prisma.auditEvent.findMany({
    where: { articleId, id: { gt: after } },
    orderBy: { id: 'asc' },
    take: REPLAY_LIMIT,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      sentenceId: true,
      actor: { select: { id: true, name: true } },
    },
  });
  return events.map((event) => ({
    id: event.id.toString(),
    data: {
      type: event.action,
      entity: event.entityType,
      id: event.entityId,
      sentenceId: event.sentenceId,
      actor: event.actor,
    },
  }));
}
