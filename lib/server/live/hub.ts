// One LISTEN connection per app process, routing PostgreSQL notifications to the live streams
// of this process (local-streams.ts): changes by article, presence changes to the debounced
// presence query, and control notices (notices.ts) to the streams they name; any other key
// (job progress, `job:<id>`) goes to its `subscribe` listeners as sent. The state that matters
// lives in PostgreSQL: every instance hears every committed notice, so two `next start`
// processes stay in sync. After a dropped connection the hub reconnects and tells every stream
// to resync (clients refetch).
import 'server-only';
import pg from 'pg';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';
import {
  closeConnections,
  closeMemberStreams,
  deliverChange,
  presenceChanged,
  resyncAll,
} from './local-streams';
import { isControlNotice } from './notices';

/** A change notice as recordAudit/notifyChange send it. */
export interface LiveNotice {
  /** Audit event id (the stream's event id), null for presence changes. */
  eventId: string | null;
  articleId: string;
  sentenceId: string | null;
  type: string;
  entity: string;
  id: string;
  actor: { id: string; name: string } | null;
}

type Listener = (notice: LiveNotice) => void;

interface Hub {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  hadConnection: boolean;
  /** Other subscribers (job progress streams), by the notice's `articleId` key. */
  listeners: Map<string, Set<Listener>>;
}

const globalForHub = globalThis as unknown as { factdeskLiveListener?: Hub };

function hub(): Hub {
  globalForHub.factdeskLiveListener ??= {
    client: null,
    connecting: null,
    hadConnection: false,
    listeners: new Map(),
  };
  return globalForHub.factdeskLiveListener;
}

/**
 * Every notice whose `articleId` is `key`, as sent (job streams use keys like `job:<id>`), and
 * a `resync` notice after a dropped connection. Article streams register in local-streams.ts.
 */
export function subscribe(key: string, listener: Listener): () => void {
  const listeners = hub().listeners;
  let set = listeners.get(key);
  if (!set) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
  };
}

function resyncSubscribers(): void {
  for (const [key, listeners] of hub().listeners) {
    const notice: LiveNotice = {
      eventId: null,
      articleId: key,
      sentenceId: null,
      type: 'resync',
      entity: 'article',
      id: key,
      actor: null,
    };
    for (const listener of listeners) listener(notice);
  }
}

function route(payload: unknown): void {
  if (isControlNotice(payload)) {
    if (payload.kind === 'connection.close') {
      closeConnections(payload.connectionIds, payload.reason);
    } else {
      closeMemberStreams(payload.teamId, payload.userId);
    }
    return;
  }
  const notice = payload as Partial<LiveNotice> | null;
  if (typeof notice?.articleId !== 'string') return;
  for (const listener of hub().listeners.get(notice.articleId) ?? []) {
    listener(notice as LiveNotice);
  }
  if (notice.entity === 'presence') {
    presenceChanged(notice.articleId);
    return;
  }
  const change = notice as LiveNotice;
  deliverChange(
    change.articleId,
    {
      type: change.type,
      entity: change.entity,
      id: change.id,
      sentenceId: change.sentenceId,
      actor: change.actor,
    },
    change.eventId,
  );
}

function discard(client: pg.Client): void {
  client.removeAllListeners();
  client.on('error', () => {}); // a late error of a dropped client must not crash the process
  client.end().catch(() => {});
}

/** Retries every second until listening again (then ensureListening resyncs the streams). */
function reconnectSoon(): void {
  setTimeout(() => void ensureListening().catch(reconnectSoon), 1000);
}

function dropConnection(client: pg.Client): void {
  const state = hub();
  if (state.client !== client) return;
  state.client = null;
  discard(client);
  reconnectSoon();
}

/** Resolves once this process is LISTENing (connecting on first use). */
export function ensureListening(): Promise<void> {
  const state = hub();
  if (state.client) return Promise.resolve();
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload);
      } catch {
        return; // not ours
      }
      route(payload);
    });
    client.on('error', () => dropConnection(client));
    client.on('end', () => dropConnection(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      discard(client);
      throw error;
    }
    state.client = client;
    if (state.hadConnection) {
      // Notices may have been missed while disconnected.
      resyncAll();
      resyncSubscribers();
    }
    state.hadConnection = true;
  })().finally(() => {
    state.connecting = null;
  });
  return state.connecting;
}
