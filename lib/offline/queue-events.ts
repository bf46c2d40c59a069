// What the device's offline queue (lib/offline/queue.ts) announces on `window` after each
// change: apart from the queue itself, so listeners do not load IndexedDB code.
export const QUEUE_EVENT = 'factdesk:offline-queue';

/** A queued write the server has now taken (`body`: its answer) or refused for good. */
export interface ReplayedWrite {
  key: string;
  label: string;
  url: string;
  method: string;
  status: number;
  body: unknown;
}

export interface QueueAnnouncement {
  /** The writes still waiting, oldest first (their labels, for people). */
  pending: number;
  pendingLabels: string[];
  replayed?: number;
  dropped?: string[];
  /** Each write this replay settled, in order. */
  settled?: ReplayedWrite[];
}
