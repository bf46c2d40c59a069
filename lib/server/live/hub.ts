// One LISTEN connection per app process, fanning PostgreSQL notifications out to the live
// streams of this process by article. The state that matters lives in PostgreSQL: every
// instance hears every committed change, so two `next start` processes stay in sync. After a
// dropped connection the hub reconnects and tells every stream to resync (clients refetch).
import 'server-only';
import pg from 'pg';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';

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
  listeners: Map<string, Set<Listener>>;
  hadConnection: boolean;
}

const globalForHub = globalThis as unknown as { factdeskLiveHub?: Hub };

function hub(): Hub {
  globalForHub.factdeskLiveHub ??= {
    client: null,
    connecting: null,
    listeners: new Map(),
    hadConnection: false,
  };
  return globalForHub.factdeskLiveHub;
}

function dispatch(notice: LiveNotice): void {
  for (const listener of hub().listeners.get(notice.articleId) ?? []) listener(notice);
}

function resyncAll(): void {
  for (const [articleId, listeners] of hub().listeners) {
    const notice: LiveNotice = {
      eventId: null,
      articleId,
      sentenceId: null,
      type: 'resync',
      entity: 'article',
      id: articleId,
      actor: null,
    };
    for (const listener of listeners) listener(notice);
  }
}

function scheduleReconnect(client: pg.Client): void {
  const state = hub();
  if (state.client !== client) return;
  state.client = null;
  client.removeAllListeners();
  client.end().catch(() => {});
  setTimeout(() => void ensureListening().catch(() => scheduleReconnect(client)), 1000);
}

/** Resolves once this process is LISTENing (connecting on first use). */
export function ensureListening(): Promise<void> {
  const state = hub();
  if (state.client) return Promise.resolve();
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        dispatch(JSON.parse(message.payload) as LiveNotice);
      } catch {
        /* not ours */
      }
    });
    client.on('error', () => scheduleReconnect(client));
    client.on('end', () => scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      await client.end().catch(() => {});
      throw error;
    }
    state.client = client;
    if (state.hadConnection) resyncAll(); // changes may have been missed while disconnected
    state.hadConnection = true;
  })().finally(() => {
    state.connecting = null;
  });
  return state.connecting;
}

export function subscribe(articleId: string, listener: Listener): () => void {
  const listeners = hub().listeners;
  let set = listeners.get(articleId);
  if (!set) {
    set = new Set();
    listeners.set(articleId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(articleId);
  };
}
