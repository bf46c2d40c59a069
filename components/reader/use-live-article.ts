'use client';
// Subscribes to an article's live stream (Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY):
// teammates' changes, who else is viewing, and a resync signal. EventSource reconnects by
// itself and sends Last-Event-ID (the server replays what was missed); after any drop the
// reader also refetches, so nothing is missed even across a server restart.
import { useEffect, useRef, useState } from 'react';

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
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [connected, setConnected] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Survives the EventSource being replaced after a refused or aborted connection.
  const dropped = useRef(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
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
      let data: { type?: string; viewers?: Viewer[] } & Partial<LiveEvent>;
      try {
        data = JSON.parse(message.data) as typeof data;
      } catch {
        return;
      }
      if (data.type === 'presence') setViewers(data.viewers ?? []);
      else if (data.type === 'resync') latest.current.onResync();
      else if (data.type) latest.current.onEvent(data as LiveEvent);
    };
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [articleId, attempt]);

  return { viewers, connected };
}
