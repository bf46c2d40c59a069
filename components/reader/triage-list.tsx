'use client';
// « À vérifier en priorité »: the sentences most worth checking first (figures, dates, names,
// attributions, quotes, comparisons — lib/text/triage), the ones not yet approved, with why,
// and « déjà vérifié » on those that have a match (GET /api/v1/articles/{id}/matches, asked
// after the list is shown: opening the article never waits for matching).
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client';
import { type TriageReason } from '@/lib/text/triage';
import { type SentenceState } from '@/lib/workflow/sentence-state';

export interface TriageItem {
  id: string;
  index: number;
  text: string;
  score: number;
  reasons: TriageReason[];
  state: SentenceState | null;
}

const LIMIT = 8;

export function TriageList({
  articleId,
  items,
  language,
  onOpen,
}: {
  articleId: string;
  items: TriageItem[];
  language: string;
  onOpen: (sentenceId: string) => void;
}) {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  const pending = items
    .filter((item) => item.state !== 'approved' && item.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, LIMIT);
  const ids = pending.map((item) => item.id).join(',');
  const [matched, setMatched] = useState<{ ids: string; found: Set<string> } | null>(null);
  useEffect(() => {
    if (!ids) return;
    let live = true;
    const query = new URLSearchParams({ sentences: ids });
    apiFetch<{ marks: { sentenceId: string }[] }>(`/api/v1/articles/${articleId}/matches?${query}`)
      .then((body) => {
        if (live) setMatched({ ids, found: new Set(body.marks.map((mark) => mark.sentenceId)) });
      })
      // Not shown: the list works without the marks.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [articleId, ids]);
  const hasMatch = (id: string) => matched?.ids === ids && matched.found.has(id);
  return (
    <section
      aria-labelledby="triage-title"
      className="rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm"
    >
      <h2 id="triage-title" className="font-medium text-stone-800">
        {t('triage.title')}
      </h2>
      <p className="mt-0.5 text-xs text-stone-500">{t('triage.intro')}</p>
      {pending.length === 0 ? (
        <p className="mt-2 text-stone-500">{t('triage.allApproved')}</p>
      ) : (
        <ol className="mt-2 space-y-2" aria-label={t('triage.list')}>
          {pending.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => onOpen(item.id)}
                className="w-full rounded-md border border-stone-200 px-2 py-1.5 text-left hover:bg-stone-50"
              >
                <span className="flex items-center justify-between gap-2 text-xs text-stone-500">
                  <span>
                    {t('shared.sentenceNumber', { number: String(item.index + 1) })}
                    {item.state ? ` · ${labels(`sentenceState.${item.state}`)}` : ''}
                  </span>
                  <span className="tabular-nums" title={t('triage.scoreTitle')}>
                    {item.score.toFixed(2)}
                  </span>
                </span>
                <span
                  lang={language}
                  className="mt-0.5 line-clamp-2 block font-serif text-stone-800"
                >
                  {item.text}
                </span>
                <span className="mt-1 flex flex-wrap gap-1">
                  {hasMatch(item.id) ? (
                    <span
                      className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-900"
                      title={t('triage.matchedTitle')}
                      data-testid="triage-matched"
                    >
                      ✓ {t('triage.matched')}
                    </span>
                  ) : null}
                  {item.reasons.map((reason) => (
                    <span
                      key={reason}
                      className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900"
                    >
                      {labels(`triageReason.${reason}`)}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
