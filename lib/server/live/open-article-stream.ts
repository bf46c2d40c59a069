// The live stream of an article (Server-Sent Events): one JSON event per committed change
// `{type, entity, id, sentenceId, actor}` with the audit event id as the SSE id, presence
// updates `{type: "presence", viewers}`, and `{type: "resync"}` when this instance may have
// missed changes. A reconnecting client sends Last-Event-ID and gets what it missed replayed
// (a value that is no audit event id is a 400 before the stream: lib/server/live/last-event-id).
// A stream closed on purpose ends with `{type: "closed", reason}`: `too_many_streams` (the
// user opened more than LIVE_MAX_STREAMS_PER_USER, this was their oldest) or `membership` (the
// user is no longer a member of the article's team); a client should not reconnect by itself.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { ensureListening } from './hub';
import { parseLastEventId } from './last-event-id';
import { register, type LocalStream } from './local-streams';
import type { CloseReason } from './notices';
import { joinArticle, leaveArticle, newConnectionId } from './presence';
import { CLOSED_RETRY_MS } from './settings';

const REPLAY_LIMIT = 500;

export async function openArticleStream(options: {
  userId: string;
  articleId: string;
  lastEventId: string | null;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const lastEventId = parseLastEventId(options.lastEventId);
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: { id: true, teamId: true },
  });
  if (!article) throw notFound('article');
  await ensureListening();

  const presence = {
    connectionId: newConnectionId(),
    articleId: article.id,
    userId: options.userId,
  };
  const encoder = new TextEncoder();
  // Until the join has re-checked membership (the check above may be stale by then), events
  // wait here: a removed member's stream delivers nothing.
  let held: { data: unknown; id: string | null }[] | null = [];
  let closed = false;
  let close: (reason?: CloseReason) => void = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const writeEvent = (data: unknown, id?: string | null) =>
        write(`${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);

      const stream: LocalStream = {
        connectionId: presence.connectionId,
        articleId: article.id,
        teamId: article.teamId,
        userId: options.userId,
        joined: false,
        send(data, id = null) {
          if (held) held.push({ data, id });
          else writeEvent(data, id);
        },
        ping: () => write(': ping\n\n'),
        close: (reason) => close(reason),
      };
      // Registered before joining: a removal or an eviction committed after the join's check
      // reaches this stream.
      const unregister = register(stream);
      close = (reason) => {
        if (closed) return;
        if (reason) {
          write(`retry: ${CLOSED_RETRY_MS}\n\n`);
          writeEvent({ type: 'closed', reason });
        }
        closed = true;
        held = null;
        unregister();
        if (stream.joined) void leaveArticle(presence).catch(() => {});
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      options.signal.addEventListener('abort', () => close(), { once: true });
      if (options.signal.aborted) return close();

      write('retry: 2000\n\n');
      try {
        const { joined } = await joinArticle(presence);
        if (!joined) return close('membership'); // removed since the check above
        stream.joined = true;
        if (closed) {
          void leaveArticle(presence).catch(() => {}); // aborted while joining
          return;
        }
        // Subscribed before replaying: a change committed meanwhile is sent (maybe twice, which
        // clients tolerate: events only tell them what to refetch), never lost.
        if (lastEventId !== null) {
          const missed = await missedEvents(article.id, lastEventId);
          for (const event of missed) writeEvent(event.data, event.id);
          if (missed.length === REPLAY_LIMIT) writeEvent({ type: 'resync' });
        }
      } catch {
        return close(); // the database failed us: the client reconnects and tries again
      }
      const waiting = held ?? [];
      held = null;
      for (const event of waiting) writeEvent(event.data, event.id);
    },
    cancel() {
      close();
    },
  });
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
