'use client';
// Subscribes to an article's live stream (Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY):
// teammates' changes, who else is viewing, and a resync signal. EventSource reconnects by
// itself and sends Last-Event-ID (the server replays what was missed); after any drop the
// reader also refetches, so nothing is missed even across a server restart.
// A stream the server closes on purpose ends with `{type: "closed", reason}` and is not
// reopened by itself: `too_many_streams` (this tab's stream was the user's oldest) suspends
// updates until the person asks again or comes back to the tab; `membership` (no longer in the
// article's team) ends them and reloads the page, which then answers as for any non-member.
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LiveEvent {
  type: string;
  entity: string;
  id: string;
  sentenceId: string | null;
  actor: { id: string; name: string } | null;
}

export interface Viewer {
  id: string;
  name: string;
}

export function useLiveArticle(
  articleId: string,
  handlers: { onEvent: (event: LiveEvent) => void; onResync: () => void },
) {
  const router = useRouter();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [connected, setConnected] = useState(false);
  const [attempt, setAttempt] = useState(0);
  /** Why the server closed the stream, while it stays closed. */
  const [closedFor, setClosedFor] = useState<'too_many_streams' | 'membership' | null>(null);
  // Survives the EventSource being replaced after a refused or aborted connection.
  const dropped = useRef(false);
  const latest = useRef(handlers);
  // In a ref, as the handlers: the stream is not reopened for a new router object.
  const routerRef = useRef(router);
  useEffect(() => {
    latest.current = handlers;
    routerRef.current = router;
  });

  useEffect(() => {
    if (closedFor) return;
    const source = new EventSource(`/api/v1/articles/${articleId}/events`);
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => {
      setConnected(true);
      if (dropped.current) latest.current.onResync();
      dropped.current = false;
    };
    source.onerror = () => {
      setConnected(false);
      dropped.current = true;
      // A refused stream (HTTP error) is not retried by EventSource itself: try again later.
      if (source.readyState === EventSource.CLOSED) {
        retry = setTimeout(() => setAttempt((n) => n + 1), 5000);
      }
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let data: { type?: string; viewers?: Viewer[]; reason?: string } & Partial<LiveEvent>;
      try {
        data = JSON.parse(message.data) as typeof data;
      } catch {
        return;
      }
      if (data.type === 'closed') {
        // Closed now, before the server's end of stream: nothing reconnects by itself.
        source.close();
        setConnected(false);
        dropped.current = true;
        if (data.reason === 'membership') {
          setClosedFor('membership');
          routerRef.current.refresh();
        } else {
          setClosedFor('too_many_streams');
        }
      } else if (data.type === 'presence') setViewers(data.viewers ?? []);
      else if (data.type === 'resync') latest.current.onResync();
      else if (data.type) latest.current.onEvent(data as LiveEvent);
    };
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [articleId, attempt, closedFor]);

  /** Opens the stream again after `too_many_streams` (the reader refetches on open). */
  const reconnect = useCallback(() => {
    setClosedFor((reason) => (reason === 'too_many_streams' ? null : reason));
  }, []);

  // Coming back to the tab is asking again: this tab is the one being read.
  useEffect(() => {
    if (closedFor !== 'too_many_streams') return;
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') reconnect();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, [closedFor, reconnect]);

  return { viewers, connected, suspended: closedFor === 'too_many_streams', reconnect };
}
