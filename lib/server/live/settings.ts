// Settings of the live streams, read from the environment once per process (a value that is
// not a whole number in range is ignored, with a warning: a typo must not stop the server).
//
// - LIVE_HEARTBEAT_MS (default 15000, at least 100): every this often, each process sends a
//   `: ping` comment on all its streams (proxies close idle connections), refreshes their
//   presence rows in one statement and re-checks, in the same statement, that each stream's
//   user is still a member of the article's team (a removed member's stream is closed).
// - LIVE_MAX_STREAMS_PER_USER (default 8, at least 1): open streams one user may hold across
//   all instances (each tab on an article is one). Opening one more closes their oldest, which
//   ends with `{"type":"closed","reason":"too_many_streams"}`.
import 'server-only';
import { wholeNumber } from '@/lib/server/settings';

export const HEARTBEAT_MS = wholeNumber('LIVE_HEARTBEAT_MS', 15_000, 100);

export const MAX_STREAMS_PER_USER = wholeNumber('LIVE_MAX_STREAMS_PER_USER', 8, 1);

/** A viewer is listed while their stream's heartbeat is fresher than this (three beats). */
export const PRESENCE_TTL_MS = Math.max(45_000, 3 * HEARTBEAT_MS);

/** A row this much older than its last heartbeat belongs to a stream that is gone (a crash). */
export const STALE_AFTER_MS = 4 * PRESENCE_TTL_MS;

/** Presence changes arriving within this window are answered by one query. */
export const PRESENCE_DEBOUNCE_MS = 200;

/**
 * Sent as the SSE `retry:` of a stream closed on purpose: EventSource reconnects by itself
 * after the end of a response, and a reconnection would close the user's next-oldest stream
 * (or be refused, for a removed member). A client that reads the `closed` event stops first.
 */
export const CLOSED_RETRY_MS = 3_600_000;
