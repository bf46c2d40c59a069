// The device's queue of writes that could not reach the server (offline, or the database down):
// kept in IndexedDB (idb-keyval) so a reload or a closed tab loses nothing, and replayed in
// order with their original Idempotency-Key, so a write that did reach the server before the
// connection dropped is never applied twice. Browser-only.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface QueuedWrite {
  key: string;
  url: string;
  method: string;
  body: string | null;
  /** For people: « Surlignage », « Verdict »… */
  label: string;
  queuedAt: number;
  /** A later write of the same resource replaces this one (a verdict: the latest state wins). */
  replaceable: boolean;
}

export { QUEUE_EVENT, type QueueAnnouncement, type ReplayedWrite } from './queue-events';
import { QUEUE_EVENT, type QueueAnnouncement, type ReplayedWrite } from './queue-events';

/** « Surlignage ×2, Verdict »: what waits or was sent, by kind, in order of first appearance. */
export function describeLabels(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label)).join(', ');
}

let store: UseStore | undefined;
function queueStore(): UseStore {
  store ??= createStore('factdesk-offline', 'writes');
  return store;
}

async function announce(detail: Omit<QueueAnnouncement, 'pending' | 'pendingLabels'>) {
  const waiting = await listQueued();
  const full: QueueAnnouncement = {
    ...detail,
    pending: waiting.length,
    pendingLabels: waiting.map((w) => w.label),
  };
  window.dispatchEvent(new CustomEvent<QueueAnnouncement>(QUEUE_EVENT, { detail: full }));
}

export async function listQueued(): Promise<QueuedWrite[]> {
  const all = await entries<string, QueuedWrite>(queueStore());
  return all.map(([, write]) => write).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Keeps the write; the queued write (a replaceable one keeps the key of the one it replaces). */
export async function enqueue(write: QueuedWrite): Promise<QueuedWrite> {
  if (write.replaceable) {
    for (const queued of await listQueued()) {
      if (queued.replaceable && queued.url === write.url && queued.method === write.method) {
        // Same resource, newer state: keep the first key (it may have reached the server).
        write = { ...write, key: queued.key, queuedAt: queued.queuedAt };
      }
    }
  }
  await set(write.key, write, queueStore());
  await announce({});
  return write;
}

let replaying: Promise<void> | null = null;

/**
 * Sends the queued writes in order. Stops at the first one the server cannot take yet (still
 * offline, database still down); drops the ones it refuses for good (4xx), reporting them.
 */
export function replayQueue(): Promise<void> {
  replaying ??= (async () => {
    let replayed = 0;
    const dropped: string[] = [];
    const settled: ReplayedWrite[] = [];
    for (const write of await listQueued()) {
      let response: Response;
      try {
        response = await fetch(write.url, {
          method: write.method,
          body: write.body,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': write.key },
        });
      } catch {
        break; // still offline
      }
      if (response.status === 503 || response.status >= 500) break;
      if (!response.ok) dropped.push(write.label);
      else replayed += 1;
      const body: unknown = await response.json().catch(() => null);
      settled.push({
        key: write.key,
        label: write.label,
        url: write.url,
        method: write.method,
        status: response.status,
        body,
      });
      await del(write.key, queueStore());
    }
    await announce({ replayed, dropped, settled });
  })().finally(() => {
    replaying = null;
  });
  return replaying;
}
