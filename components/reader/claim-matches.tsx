'use client';
// « Déjà vérifié ? » in the sentence panel: the team's approved verdicts, then the fact-checks
// of organisations the team trusts, that check the same claim (GET
// /api/v1/sentences/{id}/matches, computed when the panel opens, never before, and cached on the
// server), with why each matches — « mêmes chiffres », « mêmes noms », « formulation proche » —
// and what differs (a negation on one side only). « Reprendre » makes my draft verdict from one
// (POST /api/v1/sentences/{id}/reuse): pre-filled, never submitted.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch, ApiError } from '@/lib/api/client';
import type { ClaimMatch } from '@/lib/server/matching/find-matches';

const matchKey = (match: ClaimMatch) =>
  match.kind === 'verdict' ? `v:${match.sentenceId}` : `e:${match.factCheckId}`;

export function ClaimMatches({
  sentenceId,
  canReuse,
  onReused,
}: {
  sentenceId: string;
  /** I may write a verdict here and have none yet. */
  canReuse: boolean;
  onReused: () => void;
}) {
  const t = useTranslations('reader.claimMatches');
  const labels = useTranslations('labels');
  const format = useFormatter();
  // Keyed by sentence: another sentence's matches are never shown for this one.
  const [loaded, setLoaded] = useState<{ sentenceId: string; matches: ClaimMatch[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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

  async function reuse(match: ClaimMatch) {
    const key = matchKey(match);
    setBusy(key);
    setError(null);
    try {
      await apiFetch(`/api/v1/sentences/${sentenceId}/reuse`, {
        method: 'POST',
        body: JSON.stringify({
          from:
            match.kind === 'verdict'
              ? { kind: 'verdict', sentenceId: match.sentenceId }
              : { kind: 'external', factCheckId: match.factCheckId },
        }),
      });
      onReused();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('reuseFailed'));
    } finally {
      setBusy(null);
    }
  }

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
      {error ? (
        <p role="alert" className="mb-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="space-y-2">
        {matches.map((match) => (
          <li
            key={matchKey(match)}
            className="rounded-md border border-stone-200 p-2 text-sm"
            data-kind={match.kind}
          >
            <p className="text-stone-800">« {match.claim} »</p>
            <p className="mt-1 text-xs text-stone-600">
              {match.rating ? (
                <span className="fd-rating font-semibold" data-rating={match.rating}>
                  {labels(`rating.${match.rating}`)}
                </span>
              ) : null}
              {match.kind === 'external' && match.ratingName ? (
                <span className={match.rating ? 'ml-1' : 'font-semibold'}>
                  {match.rating ? `(« ${match.ratingName} »)` : `« ${match.ratingName} »`}
                </span>
              ) : null}
              {' · '}
              {match.kind === 'verdict' ? (
                <>
                  {t('by', {
                    author: match.author?.name ?? '—',
                    date: format.dateTime(new Date(match.approvedAt), { dateStyle: 'medium' }),
                  })}
                  {' · '}
                  <a
                    className="text-blue-700 underline"
                    href={`/articles/${match.articleId}#sentence-${match.sentenceNumber}`}
                  >
                    {t('open', {
                      title: match.articleTitle,
                      number: String(match.sentenceNumber),
                    })}
                  </a>
                </>
              ) : (
                <>
                  {match.reviewDate
                    ? t('by', {
                        author: match.publisher.name,
                        date: format.dateTime(new Date(`${match.reviewDate}T12:00:00Z`), {
                          dateStyle: 'medium',
                        }),
                      })
                    : t('byPublisher', { publisher: match.publisher.name })}
                  {' · '}
                  <a
                    className="text-blue-700 underline"
                    href={match.url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                  >
                    {t('openExternal')}
                  </a>
                </>
              )}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-1">
              {match.kind === 'external' ? (
                <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-900">
                  {t('external')}
                </span>
              ) : null}
              {match.reasons.map((reason) => (
                <span
                  key={reason}
                  className={`rounded px-1.5 py-0.5 text-xs ${reason === 'negation_differs' ? 'bg-amber-100 text-amber-900' : 'bg-stone-100 text-stone-700'}`}
                >
                  {t(`reason.${reason}`)}
                </span>
              ))}
              {canReuse ? (
                <Button
                  variant="secondary"
                  className="ml-auto px-2 py-0.5 text-xs"
                  disabled={busy !== null}
                  onClick={() => void reuse(match)}
                  aria-label={t('reuseLabel', { claim: match.claim.slice(0, 80) })}
                >
                  {busy === matchKey(match) ? t('reusing') : t('reuse')}
                </Button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {canReuse ? <p className="mt-1 text-xs text-stone-500">{t('reuseHint')}</p> : null}
    </section>
  );
}
