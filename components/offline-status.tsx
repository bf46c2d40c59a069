'use client';
// Tells the user when their changes are waiting on this device (no connection, or the server's
// database down), and sends them as soon as the server answers again: on reconnection and every
// few seconds while anything waits. Nothing typed is lost in between.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import {
  describeLabels,
  listQueued,
  QUEUE_EVENT,
  replayQueue,
  type QueueAnnouncement,
} from '@/lib/offline/queue';

const RETRY_MS = 3000;

interface Note {
  kind: 'sent' | 'dropped';
  count: number;
  labels: string;
}

export function OfflineStatus() {
  const router = useRouter();
  const t = useTranslations('common');
  const [pending, setPending] = useState<string[]>([]);
  const [online, setOnline] = useState(true);
  // Kept as data and worded at render: the words follow a change of language.
  const [note, setNote] = useState<Note | null>(null);

  useEffect(() => {
    let live = true;
    const onQueue = (event: Event) => {
      const detail = (event as CustomEvent<QueueAnnouncement>).detail;
      setPending(detail.pendingLabels);
      if (detail.replayed) {
        const sent = (detail.settled ?? []).filter((w) => w.status < 400).map((w) => w.label);
        setNote({ kind: 'sent', count: detail.replayed, labels: describeLabels(sent) });
        router.refresh();
      }
      if (detail.dropped?.length) {
        setNote({
          kind: 'dropped',
          count: detail.dropped.length,
          labels: detail.dropped.join(', '),
        });
      }
    };
    const onOnline = () => {
      setOnline(true);
      void replayQueue();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener(QUEUE_EVENT, onQueue);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    void listQueued().then((queued) => {
      if (!live) return;
      setOnline(navigator.onLine);
      setPending(queued.map((w) => w.label));
      if (queued.length > 0) void replayQueue();
    });
    return () => {
      live = false;
      window.removeEventListener(QUEUE_EVENT, onQueue);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [router]);

  const waiting = pending.length;
  useEffect(() => {
    if (waiting === 0) return;
    const timer = setInterval(() => void replayQueue(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  const show = waiting > 0 || !online;
  const state = online ? 'unreachable' : 'offline';
  return (
    <div role="status" aria-live="polite" data-testid="offline-status">
      {show ? (
        <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          {waiting > 0
            ? t('offline.waiting', { state, count: waiting, labels: describeLabels(pending) })
            : t('offline.idle', { state })}
        </p>
      ) : note ? (
        <p className="bg-green-50 px-4 py-1.5 text-center text-sm text-green-900">
          {note.kind === 'sent'
            ? t('offline.sent', { count: note.count, labels: note.labels })
            : t('offline.dropped', { labels: note.labels })}
        </p>
      ) : null}
    </div>
  );
}
