// The live streams open in this process, and the work done once per process for all of them:
// a presence change on an article is answered by one debounced query whose list goes to every
// local stream of the article, and one heartbeat timer pings every stream, refreshes all their
// rows and re-checks their users' membership in one statement. This registry only knows the
// process's own streams; what other instances need (presence, the per-user cap) is in
// PostgreSQL, and what they must do to streams held here arrives as notices (hub.ts).
import 'server-only';
import { logger } from '@/lib/server/log';
import type { CloseReason } from './notices';
import { deleteStaleViewers, listViewers, touchViewers } from './presence';
import { HEARTBEAT_MS, PRESENCE_DEBOUNCE_MS } from './settings';

export interface LocalStream {
  readonly connectionId: string;
  readonly articleId: string;
  readonly teamId: string;
  readonly userId: string;
  /** Set once its presence row is committed: the heartbeat only checks joined streams. */
  joined: boolean;
  /** One SSE event (`data` JSON, `id` for changes). */
  send(data: unknown, id?: string | null): void;
  ping(): void;
  /** Ends the stream; with a reason, a last `{type: "closed", reason}` event tells why. */
  close(reason?: CloseReason): void;
}

interface PresenceQuery {
  timer: ReturnType<typeof setTimeout> | null;
  /** Queries started and the latest whose answer was sent: a slower, older answer is dropped. */
  started: number;
  sent: number;
}

interface Registry {
  streams: Map<string, LocalStream>;
  byArticle: Map<string, Set<LocalStream>>;
  presence: Map<string, PresenceQuery>;
  heartbeat: ReturnType<typeof setInterval> | null;
  beating: boolean;
  lastSweep: number;
  /** Joined streams whose row was missing at the last heartbeat. */
  missing: Set<string>;
}

/** Rows of crashed instances are swept by the heartbeat at most this often. */
const SWEEP_EVERY_MS = 60_000;

const globalForStreams = globalThis as unknown as { factdeskLiveStreams?: Registry };

function registry(): Registry {
  globalForStreams.factdeskLiveStreams ??= {
    streams: new Map(),
    byArticle: new Map(),
    presence: new Map(),
    heartbeat: null,
    beating: false,
    lastSweep: 0,
    missing: new Set(),
  };
  return globalForStreams.factdeskLiveStreams;
}

/** Adds a stream of this process; returns what removes it. */
export function register(stream: LocalStream): () => void {
  const state = registry();
  state.streams.set(stream.connectionId, stream);
  let set = state.byArticle.get(stream.articleId);
  if (!set) {
    set = new Set();
    state.byArticle.set(stream.articleId, set);
  }
  set.add(stream);
  if (!state.heartbeat) {
    state.heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
    state.heartbeat.unref(); // open streams keep the process alive, not this timer
  }
  return () => {
    if (state.streams.get(stream.connectionId) !== stream) return;
    state.streams.delete(stream.connectionId);
    state.missing.delete(stream.connectionId);
    set.delete(stream);
    if (set.size === 0 && state.byArticle.get(stream.articleId) === set) {
      state.byArticle.delete(stream.articleId);
      if (!state.presence.get(stream.articleId)?.timer) state.presence.delete(stream.articleId);
    }
    if (state.streams.size === 0 && state.heartbeat) {
      clearInterval(state.heartbeat);
      state.heartbeat = null;
    }
  };
}

/** A committed change of the article, for its local streams. */
export function deliverChange(articleId: string, data: unknown, id: string | null): void {
  for (const stream of registry().byArticle.get(articleId) ?? []) stream.send(data, id);
}

/**
 * Someone joined or left the article: one `listViewers` for all local streams of the article,
 * PRESENCE_DEBOUNCE_MS after the first change of a burst (later ones ride along).
 */
export function presenceChanged(articleId: string): void {
  const state = registry();
  if (!state.byArticle.has(articleId)) return;
  let query = state.presence.get(articleId);
  if (!query) {
    query = { timer: null, started: 0, sent: 0 };
    state.presence.set(articleId, query);
  }
  if (query.timer) return;
  const scheduled = query;
  scheduled.timer = setTimeout(() => {
    scheduled.timer = null;
    void sendPresence(articleId, scheduled);
  }, PRESENCE_DEBOUNCE_MS);
}

async function sendPresence(articleId: string, query: PresenceQuery): Promise<void> {
  const state = registry();
  if (!state.byArticle.has(articleId)) {
    if (state.presence.get(articleId) === query) state.presence.delete(articleId);
    return;
  }
  const ticket = ++query.started;
  let viewers;
  try {
    viewers = await listViewers(articleId);
  } catch (error) {
    logger.warn({ err: error, articleId }, 'live presence query failed');
    return; // the next change or resync asks again
  }
  if (state.presence.get(articleId) !== query || ticket < query.sent) return;
  query.sent = ticket;
  for (const stream of state.byArticle.get(articleId) ?? []) {
    stream.send({ type: 'presence', viewers });
  }
}

/** Close these streams if this process holds them (a notice from any instance). */
export function closeConnections(connectionIds: string[], reason: CloseReason): void {
  const streams = registry().streams;
  for (const id of connectionIds) streams.get(id)?.close(reason);
}

/** The user left the team or was removed: close their streams on its articles, at once. */
export function closeMemberStreams(teamId: string, userId: string): void {
  for (const stream of [...registry().streams.values()]) {
    if (stream.teamId === teamId && stream.userId === userId) stream.close('membership');
  }
}

/**
 * This process may have missed notices (its LISTEN connection dropped): every stream is told to
 * resync (same event as before: clients refetch), presence is asked again and the membership
 * of every stream is checked now rather than at the next heartbeat.
 */
export function resyncAll(): void {
  const state = registry();
  for (const [articleId, streams] of state.byArticle) {
    const event = {
      type: 'resync',
      entity: 'article',
      id: articleId,
      sentenceId: null,
      actor: null,
    };
    for (const stream of streams) stream.send(event);
    presenceChanged(articleId);
  }
  void beat(false);
}

/**
 * One heartbeat for every stream of this process: a ping each, then one UPDATE for all their
 * rows that also says which users are no longer members (closed at once). A row that has
 * vanished was deleted by a join elsewhere (the user's cap; its notice is on the way) or swept
 * after a long silence: the stream gets one more heartbeat for the notice, then ends without a
 * reason, and its client reconnects and joins again.
 */
async function beat(ping = true): Promise<void> {
  const state = registry();
  if (ping) for (const stream of state.streams.values()) stream.ping();
  if (state.beating) return; // the previous check is still running: skip this one
  const joined = [...state.streams.values()].filter((stream) => stream.joined);
  if (joined.length === 0) return;
  state.beating = true;
  try {
    const rows = await touchViewers(joined.map((stream) => stream.connectionId));
    const isMember = new Map(rows.map((row) => [row.connectionId, row.isMember]));
    for (const stream of joined) {
      if (state.streams.get(stream.connectionId) !== stream) continue; // closed meanwhile
      const member = isMember.get(stream.connectionId);
      if (member === false) {
        stream.close('membership');
      } else if (member === undefined) {
        if (state.missing.has(stream.connectionId)) stream.close();
        else state.missing.add(stream.connectionId);
      } else {
        state.missing.delete(stream.connectionId);
      }
    }
    if (Date.now() - state.lastSweep >= SWEEP_EVERY_MS) {
      state.lastSweep = Date.now();
      await deleteStaleViewers();
    }
  } catch (error) {
    logger.warn({ err: error }, 'live heartbeat failed'); // the next one tries again
  } finally {
    state.beating = false;
  }
}
