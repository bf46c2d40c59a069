'use client';
// Side panel for one sentence: its text, its highlights, my verdict (form) and my teammates'.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ratingLabel } from '@/lib/reports/verdict-scale';
import type { SentenceDetail } from '@/lib/server/sentences/get-sentence';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import type { SentenceState } from '@/lib/server/verdicts/list-sentence-states';
import { ApiError, apiFetch } from './api-client';
import { VerdictForm } from './verdict-form';

export function stateOf(detail: SentenceDetail, userId: string): SentenceState {
  const mine = detail.verdicts.find((v) => v.author.id === userId);
  const shown = mine ?? detail.verdicts[0];
  return {
    rating: shown?.rating ?? null,
    verdictCount: detail.verdicts.length,
    verified: detail.verdicts.some((v) => v.sources.length > 0),
  };
}

export function SentencePanel({
  sentenceId,
  language,
  canWrite,
  currentUser,
  onClose,
  onStateChange,
}: {
  sentenceId: string;
  language: string;
  canWrite: boolean;
  currentUser: { id: string; name: string };
  onClose: () => void;
  onStateChange: (state: SentenceState) => void;
}) {
  const [detail, setDetail] = useState<SentenceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const url = `/api/v1/sentences/${sentenceId}`;
  const reload = useCallback(async () => {
    try {
      const next = await apiFetch<SentenceDetail>(url);
      setDetail(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Chargement impossible.');
      return null;
    }
  }, [url]);

  useEffect(() => {
    let live = true;
    apiFetch<SentenceDetail>(url).then(
      (next) => {
        if (!live) return;
        setDetail(next);
        headingRef.current?.focus();
      },
      (e: unknown) => {
        if (live) setError(e instanceof ApiError ? e.message : 'Chargement impossible.');
      },
    );
    return () => {
      live = false;
    };
  }, [url]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const mine = detail?.verdicts.find((v) => v.author.id === currentUser.id) ?? null;
  const others = detail?.verdicts.filter((v) => v.author.id !== currentUser.id) ?? [];

  return (
    <section
      className="rounded-xl border border-stone-200 bg-white shadow-sm"
      aria-labelledby="panel-title"
    >
      <div className="flex items-center justify-between border-b border-stone-100 px-4 py-3">
        <h2 id="panel-title" ref={headingRef} tabIndex={-1} className="text-sm font-semibold">
          {detail ? `Phrase ${detail.sentence.index + 1}` : 'Phrase'}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label="Fermer le panneau (Échap)">
          ✕
        </Button>
      </div>
      <div className="space-y-5 p-4">
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {!detail ? (
          <p className="text-sm text-stone-500">Chargement…</p>
        ) : (
          <>
            <blockquote
              lang={language}
              className="border-l-4 border-stone-300 pl-3 font-serif text-stone-800"
            >
              {detail.sentence.text}
            </blockquote>

            {detail.highlights.length > 0 ? (
              <div>
                <h3
                  id="panel-highlights"
                  className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
                >
                  Surlignages ({detail.highlights.length})
                </h3>
                <ul aria-labelledby="panel-highlights" className="space-y-2 text-sm">
                  {detail.highlights.map((h) => (
                    <li key={h.id} className="rounded-md bg-yellow-50 px-2 py-1.5">
                      <q lang={language} className="font-serif">
                        {h.target.selector[0].type === 'TextQuoteSelector'
                          ? h.target.selector[0].exact
                          : ''}
                      </q>
                      {h.note ? <p className="mt-1 text-stone-700">{h.note}</p> : null}
                      <p className="mt-0.5 text-xs text-stone-500">{h.author.name}</p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            {detail.sentence.kind !== 'sentence' ? (
              <p className="text-sm text-stone-500">
                Un titre ou une mention d’abonnement ne reçoit pas de verdict.
              </p>
            ) : canWrite ? (
              <VerdictForm
                sentenceId={sentenceId}
                mine={mine}
                onSaved={async () => {
                  const next = await reload();
                  if (next) onStateChange(stateOf(next, currentUser.id));
                }}
              />
            ) : (
              <p className="text-sm text-stone-500">Votre rôle permet la lecture seule.</p>
            )}

            <div>
              <h3
                id="panel-team-verdicts"
                className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
              >
                Verdicts de l’équipe
              </h3>
              {others.length === 0 ? (
                <p className="text-sm text-stone-500">Aucun autre verdict pour l’instant.</p>
              ) : (
                <ul aria-labelledby="panel-team-verdicts" className="space-y-3">
                  {others.map((verdict) => (
                    <TeammateVerdict key={verdict.id} verdict={verdict} />
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}

function TeammateVerdict({ verdict }: { verdict: VerdictDto }) {
  return (
    <li className="rounded-md border border-stone-200 p-2 text-sm">
      <p>
        <span className="font-medium">{verdict.author.name}</span> :{' '}
        <span className="fd-rating font-semibold" data-rating={verdict.rating}>
          {ratingLabel(verdict.rating)}
        </span>
      </p>
      {verdict.rationale ? (
        <p className="mt-1 whitespace-pre-line text-stone-700">{verdict.rationale}</p>
      ) : null}
      {verdict.sources.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-stone-700">
          {verdict.sources.map((source, i) => (
            <li key={i}>
              <a
                href={source.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="text-blue-700 underline"
              >
                {source.title ?? source.url}
              </a>
              {source.publisher ? ` — ${source.publisher}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
