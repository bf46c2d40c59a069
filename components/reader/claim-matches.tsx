'use client';
// « Déjà vérifié ? » in the sentence panel: the team's approved verdicts that check the same
// claim (GET /api/v1/sentences/{id}/matches, computed when the panel opens, never before), with
// why each matches — « mêmes chiffres », « même personne », « formulation proche » — and what
// differs (a negation on one side only). Each links to the earlier verdict's sentence.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client';
import type { ClaimMatch } from '@/lib/server/matching/find-matches';

export function ClaimMatches({ sentenceId }: { sentenceId: string }) {
  const t = useTranslations('reader.claimMatches');
  const labels = useTranslations('labels');
  const format = useFormatter();
  // Keyed by sentence: another sentence's matches are never shown for this one.
  const [loaded, setLoaded] = useState<{ sentenceId: string; matches: ClaimMatch[] } | null>(null);

  useEffect(() => {
    let live = true;
    apiFetch<{ matches: ClaimMatch[] }>(`/api/v1/sentences/${sentenceId}/matches`)
      .then((body) => {
        if (live) setLoaded({ sentenceId, matches: body.matches });
      })
      // Not shown: the panel works without it.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [sentenceId]);

  const matches = loaded?.sentenceId === sentenceId ? loaded.matches : [];
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={`matches-${sentenceId}`} data-testid="claim-matches">
      <h3
        id={`matches-${sentenceId}`}
        className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
      >
        {t('title')}
      </h3>
      <ul className="space-y-2">
        {matches.map((match) => (
          <li key={match.sentenceId} className="rounded-md border border-stone-200 p-2 text-sm">
            <p className="text-stone-800">« {match.claim} »</p>
            <p className="mt-1 text-xs text-stone-600">
              <span className="fd-rating font-semibold" data-rating={match.rating}>
                {labels(`rating.${match.rating}`)}
              </span>
              {' · '}
              {t('by', {
                author: match.author?.name ?? '—',
                date: format.dateTime(new Date(match.approvedAt), { dateStyle: 'medium' }),
              })}
              {' · '}
              <a
                className="text-blue-700 underline"
                href={`/articles/${match.articleId}#sentence-${match.sentenceNumber}`}
              >
                {t('open', { title: match.articleTitle, number: String(match.sentenceNumber) })}
              </a>
            </p>
            <p className="mt-1 flex flex-wrap gap-1">
              {match.reasons.map((reason) => (
                <span
                  key={reason}
                  className={`rounded px-1.5 py-0.5 text-xs ${reason === 'negation_differs' ? 'bg-amber-100 text-amber-900' : 'bg-stone-100 text-stone-700'}`}
                >
                  {t(`reason.${reason}`)}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
