'use client';
// The sentence's history, loaded when opened: who did what, when, from the audit trail.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/client';
import { isRating, type Rating } from '@/lib/reports/verdict-scale';
import { auditActionLabel } from '@/lib/workflow/audit-labels';
import { useFormatDate } from './verdict-status';

interface HistoryEvent {
  id: string;
  actor: { id: string; name: string } | null;
  action: string;
  at: string;
  after: unknown;
}

/** A few words on what changed, from the event's `after` snapshot (`words` from the catalogue). */
function summaryOf(
  event: HistoryEvent,
  words: { reason: (reason: string) => string; nobody: string; rating: (rating: Rating) => string },
): string {
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (typeof after.reason === 'string') return words.reason(after.reason);
  if (typeof after.rating === 'string' && isRating(after.rating)) return words.rating(after.rating);
  if (after.assignee && typeof after.assignee === 'object' && 'name' in after.assignee) {
    return String((after.assignee as { name: string }).name);
  }
  if ('assignee' in after && after.assignee === null) return words.nobody;
  return '';
}

export function SentenceHistory({
  sentenceId,
  refreshKey,
}: {
  sentenceId: string;
  refreshKey: number;
}) {
  const t = useTranslations('reader');
  const formatDate = useFormatDate();
  const labels = useTranslations('labels');
  const audit = useTranslations('audit');
  const words = {
    reason: (reason: string) => t('history.reason', { reason }),
    nobody: t('history.nobody'),
    rating: (rating: Rating) => labels(`rating.${rating}`),
  };
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  // Loaded when opened, and again on every change to the sentence while open.
  useEffect(() => {
    if (!open) return;
    let live = true;
    apiFetch<{ events: HistoryEvent[] }>(`/api/v1/sentences/${sentenceId}/history`).then(
      (body) => {
        if (!live) return;
        setEvents(body.events);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e instanceof ApiError ? e.message : t('history.unavailable'));
      },
    );
    return () => {
      live = false;
    };
  }, [open, refreshKey, sentenceId, t]);

  return (
    <details className="text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-stone-500">
        {t('history.title')}
      </summary>
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
      {events === null ? (
        <p className="mt-1 text-stone-500">{t('shared.loading')}</p>
      ) : events.length === 0 ? (
        <p className="mt-1 text-stone-500">{t('history.empty')}</p>
      ) : (
        <ol
          className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3"
          aria-label={t('history.title')}
        >
          {events.map((event) => {
            const summary = summaryOf(event, words);
            return (
              <li key={event.id}>
                <span className="text-xs text-stone-500">{formatDate(event.at)}</span>{' '}
                <span className="font-medium">
                  {event.actor?.name ?? t('history.deletedAccount')}
                </span>{' '}
                — {auditActionLabel(audit, event.action)}
                {summary ? (
                  <span className="text-stone-600">{t('history.summary', { summary })}</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
