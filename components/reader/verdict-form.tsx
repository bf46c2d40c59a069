'use client';
// My verdict on a sentence: rating on the six-step scale, rationale and sources.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { RATINGS, ratingLabel, type Rating } from '@/lib/reports/verdict-scale';
import { setVerdictSchema } from '@/lib/validations/verdict';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import { ApiError, apiFetch } from './api-client';

/** A validation problem as the API reports it: `sources.0.url` → message. */
interface FieldProblem {
  path: string;
  message: string;
}

interface SourceDraft {
  key: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  excerpt: string;
}

function draftOf(source?: VerdictDto['sources'][number]): SourceDraft {
  return {
    key: crypto.randomUUID(),
    url: source?.url ?? '',
    title: source?.title ?? '',
    publisher: source?.publisher ?? '',
    publishedAt: source?.publishedAt ?? '',
    excerpt: source?.excerpt ?? '',
  };
}

export function VerdictForm({
  sentenceId,
  mine,
  onSaved,
}: {
  sentenceId: string;
  mine: VerdictDto | null;
  onSaved: () => Promise<void>;
}) {
  const [rating, setRating] = useState<Rating | null>(mine?.rating ?? null);
  const [rationale, setRationale] = useState(mine?.rationale ?? '');
  const [sources, setSources] = useState<SourceDraft[]>(() =>
    mine && mine.sources.length > 0 ? mine.sources.map(draftOf) : [],
  );
  const [version, setVersion] = useState<number | undefined>(mine?.version);
  const [status, setStatus] = useState<{ kind: 'error' | 'ok' | 'conflict'; text: string } | null>(
    null,
  );
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState<VerdictDto | null>(null);

  function loadCurrent(verdict: VerdictDto) {
    setRating(verdict.rating);
    setRationale(verdict.rationale);
    setSources(verdict.sources.map(draftOf));
    setVersion(verdict.version);
    setCurrent(null);
    setStatus({ kind: 'ok', text: 'Version actuelle chargée : reprenez vos modifications.' });
  }

  function showFieldErrors(problems: FieldProblem[]) {
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
    setStatus({ kind: 'error', text: 'Vérifiez les champs signalés.' });
  }

  function updateSource(key: string, field: keyof Omit<SourceDraft, 'key'>, value: string) {
    setSources((list) => list.map((s) => (s.key === key ? { ...s, [field]: value } : s)));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!rating) {
      setStatus({ kind: 'error', text: 'Choisissez un verdict.' });
      return;
    }
    const payload = {
      rating,
      rationale,
      version,
      sources: sources.map((s) => ({
        url: s.url.trim(),
        title: s.title || null,
        publisher: s.publisher || null,
        publishedAt: s.publishedAt || null,
        excerpt: s.excerpt || null,
      })),
    };
    // The server's own schema, checked here first so mistakes show beside their field.
    const checked = setVerdictSchema.safeParse(payload);
    if (!checked.success) {
      showFieldErrors(
        checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
      return;
    }
    setSaving(true);
    setStatus(null);
    setFieldErrors({});
    try {
      const saved = await apiFetch<VerdictDto>(`/api/v1/sentences/${sentenceId}/verdict`, {
        method: 'PUT',
        body: JSON.stringify(payload),
      });
      setVersion(saved.version);
      setStatus({ kind: 'ok', text: 'Verdict enregistré.' });
      await onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const details = error.details as { current?: VerdictDto } | undefined;
        setCurrent(details?.current ?? null);
        setStatus({
          kind: 'conflict',
          text: 'Ce verdict a été modifié ailleurs entre-temps. Rechargez la version actuelle avant de réessayer.',
        });
      } else if (error instanceof ApiError && error.code === 'validation_failed') {
        showFieldErrors((error.details as FieldProblem[] | undefined) ?? []);
      } else {
        setStatus({
          kind: 'error',
          text: error instanceof ApiError ? error.message : 'Enregistrement impossible.',
        });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Mon verdict">
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-stone-800">Mon verdict</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {RATINGS.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-200 px-2 py-1.5 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
            >
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {ratingLabel(value)}
            </label>
          ))}
        </div>
      </fieldset>

      <Field label="Justification" error={fieldErrors.rationale}>
        <TextArea
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          rows={4}
          maxLength={20000}
        />
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">Sources</legend>
        {fieldErrors.sources ? <p className="text-xs text-red-700">{fieldErrors.sources}</p> : null}
        {sources.length === 0 ? (
          <p className="text-xs text-stone-500">
            Un verdict compte comme vérifié dès qu’il cite une source.
          </p>
        ) : null}
        {sources.map((source, i) => (
          <div key={source.key} className="space-y-2 rounded-md border border-stone-200 p-2">
            <Field label={`URL de la source ${i + 1}`} error={fieldErrors[`sources.${i}.url`]}>
              <TextInput
                type="url"
                required
                placeholder="https://…"
                value={source.url}
                onChange={(e) => updateSource(source.key, 'url', e.target.value)}
              />
            </Field>
            <Field
              label={
                <>
                  Titre<span className="sr-only"> de la source {i + 1}</span>
                </>
              }
              error={fieldErrors[`sources.${i}.title`]}
            >
              <TextInput
                value={source.title}
                onChange={(e) => updateSource(source.key, 'title', e.target.value)}
              />
            </Field>
            <div className="grid grid-cols-2 gap-2">
              <Field
                label={
                  <>
                    Éditeur<span className="sr-only"> de la source {i + 1}</span>
                  </>
                }
                error={fieldErrors[`sources.${i}.publisher`]}
              >
                <TextInput
                  value={source.publisher}
                  onChange={(e) => updateSource(source.key, 'publisher', e.target.value)}
                />
              </Field>
              <Field
                label={
                  <>
                    Date de publication<span className="sr-only"> de la source {i + 1}</span>
                  </>
                }
                error={fieldErrors[`sources.${i}.publishedAt`]}
              >
                <TextInput
                  type="date"
                  value={source.publishedAt}
                  onChange={(e) => updateSource(source.key, 'publishedAt', e.target.value)}
                />
              </Field>
            </div>
            <Field
              label={
                <>
                  Extrait<span className="sr-only"> de la source {i + 1}</span>
                </>
              }
              error={fieldErrors[`sources.${i}.excerpt`]}
            >
              <TextArea
                rows={2}
                value={source.excerpt}
                onChange={(e) => updateSource(source.key, 'excerpt', e.target.value)}
              />
            </Field>
            <Button
              variant="danger"
              onClick={() => setSources((list) => list.filter((s) => s.key !== source.key))}
            >
              Retirer la source {i + 1}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setSources((list) => [...list, draftOf()])}>
          + Ajouter une source
        </Button>
      </fieldset>

      {status ? (
        <p
          role={status.kind === 'ok' ? 'status' : 'alert'}
          className={`rounded-md px-3 py-2 text-sm ${status.kind === 'ok' ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
        >
          {status.text}
        </p>
      ) : null}
      {current ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>
            Version actuelle ({current.version}) : <strong>{ratingLabel(current.rating)}</strong>
            {current.rationale ? ` — ${current.rationale}` : ''}
          </p>
          <Button variant="secondary" className="mt-2" onClick={() => loadCurrent(current)}>
            Charger la version actuelle
          </Button>
        </div>
      ) : null}
      <Button type="submit" disabled={saving}>
        {saving ? 'Enregistrement…' : 'Enregistrer le verdict'}
      </Button>
    </form>
  );
}
