'use client';
// Tells the user when their changes are waiting on this device (no connection, or the server's
// database down), and sends them as soon as the server answers again: on reconnection and every
// few seconds while anything waits. Nothing typed is lost in between.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { listQueued, QUEUE_EVENT, replayQueue } from '@/lib/offline/queue';

const RETRY_MS = 3000;

export function OfflineStatus() {
  const router = useRouter();
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(true);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const onQueue = (event: Event) => {
      const detail = (
        event as CustomEvent<{ pending: number; replayed?: number; dropped?: string[] }>
      ).detail;
      setPending(detail.pending);
      if (detail.replayed) {
        setNote(
          `${detail.replayed} modification${detail.replayed > 1 ? 's envoyées' : ' envoyée'} au serveur.`,
        );
        router.refresh();
      }
      if (detail.dropped?.length) {
        setNote(`Refusé par le serveur, non enregistré : ${detail.dropped.join(', ')}.`);
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
      setPending(queued.length);
      if (queued.length > 0) void replayQueue();
    });
    return () => {
      live = false;
      window.removeEventListener(QUEUE_EVENT, onQueue);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [router]);

  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => void replayQueue(), RETRY_MS);
    return () => clearInterval(timer);
  }, [pending]);

  const show = pending > 0 || !online;
  return (
    <div role="status" aria-live="polite" data-testid="offline-status">
      {show ? (
        <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          {online ? 'Serveur injoignable' : 'Hors ligne'} :{' '}
          {pending > 0
            ? `${pending} modification${pending > 1 ? 's' : ''} enregistrée${pending > 1 ? 's' : ''} sur cet appareil, envoyée${pending > 1 ? 's' : ''} dès le retour du serveur.`
            : 'vos prochaines modifications seront gardées sur cet appareil.'}
        </p>
      ) : note ? (
        <p className="bg-green-50 px-4 py-1.5 text-center text-sm text-green-900">{note}</p>
      ) : null}
    </div>
  );
}
